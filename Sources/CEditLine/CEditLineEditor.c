// CEditLine — the editor: an EditLine with its prompt, wake-up pipe, read function and callbacks.
#define _GNU_SOURCE
#include "CEditLine.h"
#include "CEditLineInternal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

// MARK: - Editor state

struct cel_editor {
  EditLine *el;
  History *history;
  FILE *streams[3];            // in, out, err
  int owns_stream[3];          // 1 when fdopen'ed by us (closed on destroy)
  int in_fd;
  int wake_read, wake_write;   // self-pipe: cel_editor_wake and signals poke it
  char *prompt;
  void *context;
  cel_complete_fn complete;
  cel_wake_fn wake;
  long seen[SLOT_COUNT];       // signal counts already handled by this editor
  struct termios cooked, raw;  // terminal modes around and inside el_gets (for Ctrl-Z)
  int have_cooked, have_raw;
  char typeahead[4096];        // keys typed before el_gets, served first by read_char
  size_t typeahead_start, typeahead_end;
};

static cel_editor *editor_of(EditLine *el) {
  void *data = NULL;
  el_get(el, EL_CLIENTDATA, &data);
  return data;
}

static char empty_prompt[] = "";

static char *prompt_callback(EditLine *el) {
  cel_editor *editor = editor_of(el);
  return editor != NULL && editor->prompt != NULL ? editor->prompt : empty_prompt;
}

static unsigned char complete_trampoline(EditLine *el, int key) {
  cel_editor *editor = editor_of(el);
  if (editor == NULL || editor->complete == NULL) return CC_ERROR;
  return editor->complete(editor, key);
}

static FILE *stream_for(int fd, const char *mode, int *owned) {
  *owned = 0;
  if (fd == STDIN_FILENO) return stdin;
  if (fd == STDOUT_FILENO) return stdout;
  if (fd == STDERR_FILENO) return stderr;
  int copy = dup(fd);
  if (copy < 0) return NULL;
  FILE *stream = fdopen(copy, mode);
  if (stream == NULL) close(copy);
  else *owned = 1;
  return stream;
}

// MARK: - Reading (EL_GETCFN)

/// Returns 1 (and forgets it) when a signal of `slot` arrived since the editor last looked.
static int take_signal(cel_editor *editor, int slot) {
  long now = cel__signal_count(slot);
  if (now == editor->seen[slot]) return 0;
  editor->seen[slot] = now;
  return 1;
}

/// Ctrl-Z inside el_gets: restore the cooked terminal, stop for real, then come back raw and redraw.
static void suspend(cel_editor *editor) {
  struct sigaction fallback, mine;
  memset(&fallback, 0, sizeof fallback);
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  if (editor->have_cooked) (void)tcsetattr(editor->in_fd, TCSADRAIN, &editor->cooked);
  sigaction(SIGTSTP, &fallback, &mine);
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGTSTP);
  pthread_sigmask(SIG_UNBLOCK, &set, &old);
  raise(SIGTSTP);  // the process stops here until SIGCONT
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  sigaction(SIGTSTP, &mine, NULL);
  if (editor->have_raw) (void)tcsetattr(editor->in_fd, TCSADRAIN, &editor->raw);
  (void)take_signal(editor, SLOT_CONT);
  el_set(editor->el, EL_REFRESH);
}

/// Handles pending signals; returns 1 when SIGINT arrived (el_gets must then fail with EINTR).
static int handle_signals(cel_editor *editor) {
  if (take_signal(editor, SLOT_INT)) return 1;
  if (take_signal(editor, SLOT_TSTP)) suspend(editor);
  if (take_signal(editor, SLOT_CONT)) {  // resumed after an external SIGSTOP
    if (editor->have_raw) (void)tcsetattr(editor->in_fd, TCSADRAIN, &editor->raw);
    el_set(editor->el, EL_REFRESH);
  }
  if (take_signal(editor, SLOT_WINCH)) el_resize(editor->el);
  return 0;
}

static void drain(int fd) {
  char sink[64];
  while (read(fd, sink, sizeof sink) > 0) {}
}

/// Waits for one input byte: typed-ahead keys first, then the terminal, while also serving signals and
/// cel_editor_wake. Returns 1 with a byte, 0 at end of file, or -1 with errno (EINTR after SIGINT).
static int next_byte(cel_editor *editor, char *byte) {
  if (editor->typeahead_start < editor->typeahead_end) {
    *byte = editor->typeahead[editor->typeahead_start++];
    return 1;
  }
  for (;;) {
    if (handle_signals(editor)) {
      errno = EINTR;
      return -1;
    }
    struct pollfd fds[2] = {{editor->in_fd, POLLIN, 0}, {editor->wake_read, POLLIN, 0}};
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return -1;
    }
    if (fds[1].revents & POLLIN) {
      drain(editor->wake_read);
      if (cel__signal_count(SLOT_INT) == editor->seen[SLOT_INT] && editor->wake != NULL) editor->wake(editor);
    }
    if ((fds[0].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) == 0) continue;
    ssize_t got = read(editor->in_fd, byte, 1);
    if (got >= 0) return (int)got;
    if (errno != EINTR && errno != EAGAIN) return -1;
  }
}

/// libedit's read function (EL_GETCFN): like its own read_char (one byte per read(2), mbrtowc
/// decoding), but it polls a wake-up pipe too, so signals and cel_editor_wake reach the editing thread.
static int read_char(EditLine *el, wchar_t *character) {
  cel_editor *editor = editor_of(el);
  char bytes[MB_LEN_MAX];
  size_t used = 0;
  *character = L'\0';
  if (!editor->have_raw) editor->have_raw = tcgetattr(editor->in_fd, &editor->raw) == 0;
  for (;;) {
    int status = next_byte(editor, &bytes[used]);
    if (status <= 0) return status;
    used++;
    for (;;) {
      mbstate_t state;
      memset(&state, 0, sizeof state);
      size_t decoded = mbrtowc(character, bytes, used, &state);
      if (decoded == (size_t)-2 && used < MB_LEN_MAX) break;  // incomplete: read another byte
      if (decoded != (size_t)-1 && decoded != (size_t)-2) return 1;
      if (used <= 1) {  // an invalid byte: drop it
        used = 0;
        break;
      }
      bytes[0] = bytes[used - 1];  // an invalid sequence: keep only its last byte, decode it alone
      used = 1;
    }
  }
}

// MARK: - Editor lifecycle

cel_editor *cel_editor_create(const char *program, int in_fd, int out_fd, int err_fd, int history_size) {
  cel_editor *editor = calloc(1, sizeof *editor);
  if (editor == NULL) return NULL;
  editor->in_fd = in_fd;
  editor->wake_read = editor->wake_write = -1;
  int fds[3] = {in_fd, out_fd, err_fd};
  const char *modes[3] = {"r", "w", "w"};
  for (int i = 0; i < 3; i++) {
    editor->streams[i] = stream_for(fds[i], modes[i], &editor->owns_stream[i]);
    if (editor->streams[i] == NULL) goto fail;
  }
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_NONBLOCK | O_CLOEXEC) != 0) goto fail;
  editor->wake_read = pipe_fds[0];
  editor->wake_write = pipe_fds[1];
  if (cel_signal_add_notify_fd(editor->wake_write) != 0) goto fail;
  editor->el = el_init_fd(program, editor->streams[0], editor->streams[1], editor->streams[2], in_fd, out_fd,
                          err_fd);
  editor->history = cel_history_create(history_size, 1);
  if (editor->el == NULL || editor->history == NULL) goto fail;
  el_set(editor->el, EL_CLIENTDATA, editor);
  el_set(editor->el, EL_EDITOR, "emacs");
  el_set(editor->el, EL_PROMPT_ESC, prompt_callback, '\1');
  el_set(editor->el, EL_GETCFN, read_char);
  el_set(editor->el, EL_SIGNAL, 1);
  el_set(editor->el, EL_HIST, history, editor->history);
  el_set(editor->el, EL_BIND, "^R", "em-inc-search-prev", NULL);
  return editor;
fail:
  cel_editor_destroy(editor);
  return NULL;
}

void cel_editor_destroy(cel_editor *editor) {
  if (editor == NULL) return;
  if (editor->el != NULL) el_end(editor->el);
  if (editor->history != NULL) history_end(editor->history);
  if (editor->wake_write >= 0) {
    cel_signal_remove_notify_fd(editor->wake_write);
    close(editor->wake_write);
  }
  if (editor->wake_read >= 0) close(editor->wake_read);
  for (int i = 0; i < 3; i++) {
    if (editor->owns_stream[i]) fclose(editor->streams[i]);
  }
  free(editor->prompt);
  free(editor);
}

// MARK: - Editor settings

void cel_editor_set_context(cel_editor *editor, void *context) { editor->context = context; }

void *cel_editor_context(const cel_editor *editor) { return editor->context; }

int cel_editor_set_prompt(cel_editor *editor, const char *prompt) {
  char *copy = strdup(prompt != NULL ? prompt : "");
  if (copy == NULL) return -1;
  free(editor->prompt);
  editor->prompt = copy;
  return 0;
}

void cel_editor_set_signal_handling(cel_editor *editor, int on) { el_set(editor->el, EL_SIGNAL, on ? 1 : 0); }

int cel_editor_set_completion(cel_editor *editor, cel_complete_fn callback, const char *key) {
  editor->complete = callback;
  if (el_set(editor->el, EL_ADDFN, "cel-complete", "Complete the word under the cursor", complete_trampoline) != 0) {
    return -1;
  }
  return el_set(editor->el, EL_BIND, key, "cel-complete", NULL);
}

void cel_editor_set_wake(cel_editor *editor, cel_wake_fn callback) { editor->wake = callback; }

int cel_editor_bind(cel_editor *editor, const char *key, const char *command) {
  return el_set(editor->el, EL_BIND, key, command, NULL);
}

// MARK: - Reading a line

/// Moves keys typed ahead (while a command ran) into the editor: libedit only enters raw mode when no
/// input is pending, and would otherwise read the whole line in the kernel's cooked mode.
static void take_typeahead(cel_editor *editor) {
  editor->typeahead_start = editor->typeahead_end = 0;
  int flags = fcntl(editor->in_fd, F_GETFL);
  if (flags < 0 || fcntl(editor->in_fd, F_SETFL, flags | O_NONBLOCK) != 0) return;
  int pending = 0;
  while (editor->typeahead_end < sizeof editor->typeahead && ioctl(editor->in_fd, FIONREAD, &pending) == 0 &&
         pending > 0) {
    ssize_t got = read(editor->in_fd, editor->typeahead + editor->typeahead_end,
                       sizeof editor->typeahead - editor->typeahead_end);
    if (got <= 0) break;
    editor->typeahead_end += (size_t)got;
  }
  (void)fcntl(editor->in_fd, F_SETFL, flags);
}

const char *cel_editor_gets(cel_editor *editor, int *count, int *error) {
  struct sigaction old_winch, old_cont, old_tstp;
  cel_sigint_install();
  for (int slot = 0; slot < SLOT_COUNT; slot++) editor->seen[slot] = cel__signal_count(slot);
  editor->have_cooked = tcgetattr(editor->in_fd, &editor->cooked) == 0;
  editor->have_raw = 0;
  if (editor->have_cooked) {
    // libedit prints the prompt before it enters raw mode: keys typed in between would be cooked by the
    // kernel (echoed, or ^D turned into a NUL). Leave canonical mode first; libedit then sets its own.
    struct termios early = editor->cooked;
    early.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    early.c_cc[VMIN] = 1;
    early.c_cc[VTIME] = 0;
    (void)tcsetattr(editor->in_fd, TCSADRAIN, &early);
  }
  take_typeahead(editor);
  cel__install_handler(SIGWINCH, &old_winch);
  cel__install_handler(SIGCONT, &old_cont);
  cel__install_handler(SIGTSTP, &old_tstp);
  if (old_tstp.sa_handler == SIG_IGN) sigaction(SIGTSTP, &old_tstp, NULL);  // no job control: keep ignoring
  errno = 0;
  int read_count = 0;
  const char *line = el_gets(editor->el, &read_count);
  int saved = errno;
  if (editor->have_cooked) (void)tcsetattr(editor->in_fd, TCSADRAIN, &editor->cooked);
  sigaction(SIGWINCH, &old_winch, NULL);
  sigaction(SIGCONT, &old_cont, NULL);
  sigaction(SIGTSTP, &old_tstp, NULL);
  *count = read_count;
  *error = line == NULL && read_count < 0 ? saved : 0;
  return line;
}

void cel_editor_wake(cel_editor *editor) {
  ssize_t ignored = write(editor->wake_write, "w", 1);
  (void)ignored;
}

// MARK: - Line buffer

cel_line cel_editor_line(cel_editor *editor) {
  const LineInfo *info = el_line(editor->el);
  cel_line line = {info->buffer, (size_t)(info->cursor - info->buffer), (size_t)(info->lastchar - info->buffer)};
  return line;
}

int cel_editor_insert(cel_editor *editor, const char *text) { return el_insertstr(editor->el, text); }

void cel_editor_delete(cel_editor *editor, int count) { el_deletestr(editor->el, count); }

void cel_editor_refresh(cel_editor *editor) { el_set(editor->el, EL_REFRESH); }

void cel_editor_beep(cel_editor *editor) { el_beep(editor->el); }

int cel_editor_columns(cel_editor *editor) {
  int columns = 0;
  if (el_get(editor->el, EL_GETTC, "co", &columns) != 0 || columns <= 0) return 80;
  return columns;
}

int cel_editor_write(cel_editor *editor, const char *bytes, size_t length) {
  FILE *out = editor->streams[1];
  if (fwrite(bytes, 1, length, out) != length) return -1;
  return fflush(out) == 0 ? 0 : -1;
}

History *cel_editor_history(cel_editor *editor) { return editor->history; }
