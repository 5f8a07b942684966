// CEditLine — process setup, signal counting and history wrappers. See include/CEditLine.h.
#define _GNU_SOURCE
#include "CEditLine.h"
#include "CEditLineInternal.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

// MARK: - Process setup

static int codeset_is_utf8(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

int cel_setlocale(void) {
  const char *name = setlocale(LC_CTYPE, "");
  // An unset or plain C/POSIX locale would make libedit drop every non-ASCII key: prefer C.UTF-8.
  if (name == NULL || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0) {
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) (void)setlocale(LC_CTYPE, "C.utf8");
  }
  return codeset_is_utf8();
}

void cel_flush_stdout(void) { (void)fflush(stdout); }

int cel_limit_malloc_arenas(int count) {
#ifdef M_ARENA_MAX
  return mallopt(M_ARENA_MAX, count);
#else
  (void)count;
  return 0;
#endif
}

// MARK: - Signals

enum { MAX_NOTIFY = 8 };

static long signal_counts[SLOT_COUNT];       // bumped with lock-free atomics (async-signal-safe)
static int notify_fds[MAX_NOTIFY];           // fd + 1; 0 means an empty slot
static pthread_mutex_t notify_lock = PTHREAD_MUTEX_INITIALIZER;

static int slot_for(int signo) {
  switch (signo) {
  case SIGINT: return SLOT_INT;
  case SIGWINCH: return SLOT_WINCH;
  case SIGCONT: return SLOT_CONT;
  case SIGTSTP: return SLOT_TSTP;
  default: return -1;
  }
}

long cel__signal_count(int slot) { return __atomic_load_n(&signal_counts[slot], __ATOMIC_SEQ_CST); }

/// The one handler: count the signal, poke every registered pipe. Only async-signal-safe calls.
static void on_signal(int signo) {
  int saved = errno;
  int slot = slot_for(signo);
  if (slot >= 0) __atomic_add_fetch(&signal_counts[slot], 1, __ATOMIC_SEQ_CST);
  for (int i = 0; i < MAX_NOTIFY; i++) {
    int fd = __atomic_load_n(&notify_fds[i], __ATOMIC_SEQ_CST) - 1;
    if (fd >= 0) {
      ssize_t ignored = write(fd, "!", 1);  // non-blocking: a full pipe already means "wake up"
      (void)ignored;
    }
  }
  errno = saved;
}

/// Installs on_signal for `signo` WITHOUT SA_RESTART, so blocking calls return EINTR.
int cel__install_handler(int signo, struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  return sigaction(signo, &action, previous);
}

void cel_sigint_install(void) { (void)cel__install_handler(SIGINT, NULL); }

long cel_sigint_count(void) { return cel__signal_count(SLOT_INT); }

int cel_signal_add_notify_fd(int fd) {
  int result = -1;
  pthread_mutex_lock(&notify_lock);
  for (int i = 0; i < MAX_NOTIFY && result < 0; i++) {
    if (notify_fds[i] == 0) {
      __atomic_store_n(&notify_fds[i], fd + 1, __ATOMIC_SEQ_CST);
      result = 0;
    }
  }
  pthread_mutex_unlock(&notify_lock);
  return result;
}

void cel_signal_remove_notify_fd(int fd) {
  pthread_mutex_lock(&notify_lock);
  for (int i = 0; i < MAX_NOTIFY; i++) {
    if (notify_fds[i] == fd + 1) __atomic_store_n(&notify_fds[i], 0, __ATOMIC_SEQ_CST);
  }
  pthread_mutex_unlock(&notify_lock);
}

// MARK: - History

History *cel_history_create(int size, int unique) {
  History *created = history_init();
  if (created == NULL) return NULL;
  HistEvent event;
  history(created, &event, H_SETSIZE, size);
  history(created, &event, H_SETUNIQUE, unique ? 1 : 0);
  return created;
}

void cel_history_destroy(History *target) {
  if (target != NULL) history_end(target);
}

int cel_history_enter(History *target, const char *line) {
  HistEvent event;
  return history(target, &event, H_ENTER, line) < 0 ? -1 : 0;
}

void cel_history_clear(History *target) {
  HistEvent event;
  history(target, &event, H_CLEAR);
}

int cel_history_load(History *target, const char *path) {
  HistEvent event;
  return history(target, &event, H_LOAD, path);
}

int cel_history_save(History *target, const char *path) {
  HistEvent event;
  return history(target, &event, H_SAVE, path);
}

int cel_history_count(History *target) {
  HistEvent event;
  return history(target, &event, H_GETSIZE) < 0 ? 0 : event.num;
}

const char *cel_history_step(History *target, int operation) {
  HistEvent event;
  return history(target, &event, operation) < 0 ? NULL : event.str;
}

// MARK: - Testing

int cel_openpty(int *master, int *slave, int columns, int rows) {
  int primary = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (primary < 0) return -1;
  const char *name = grantpt(primary) == 0 && unlockpt(primary) == 0 ? ptsname(primary) : NULL;
  int secondary = name != NULL ? open(name, O_RDWR | O_NOCTTY | O_CLOEXEC) : -1;
  if (secondary < 0) {
    close(primary);
    return -1;
  }
  struct winsize size = {(unsigned short)rows, (unsigned short)columns, 0, 0};
  (void)ioctl(primary, TIOCSWINSZ, &size);
  *master = primary;
  *slave = secondary;
  return 0;
}
