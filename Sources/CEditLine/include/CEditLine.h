// CEditLine — a small, non-variadic C shim over libedit's native API (histedit.h).
//
// Swift cannot call variadic C functions (el_set, el_get, history) nor touch mutable C globals
// (stdin, stdout) under Swift 6, so every use batchsh makes of libedit goes through one of the
// functions below. An editor (`cel_editor`) owns its EditLine, its prompt string, a wake-up pipe and
// the callbacks into Swift; libedit's client data always points at the `cel_editor`.
#ifndef CEDITLINE_H
#define CEDITLINE_H

#include <histedit.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Process setup

/// Sets LC_CTYPE from the environment, falling back to C.UTF-8; returns 1 when the codeset is UTF-8.
int cel_setlocale(void);

/// Flushes the C `stdout` stream (Swift 6 cannot name the `stdout` global).
void cel_flush_stdout(void);

/// Caps the C allocator's arenas (glibc's M_ARENA_MAX); call before threads start. Returns 1 when applied, 0
/// where the C library has no such setting.
int cel_limit_malloc_arenas(int count);

// MARK: - Signals
//
// Handlers are installed without SA_RESTART. Each one bumps a per-signal counter (a volatile
// sig_atomic_t) and writes one byte to every registered notification pipe, so whichever thread the
// kernel picks, a thread blocked in poll(2) on such a pipe wakes up.

/// Installs the SIGINT handler (idempotent; process-wide; stays installed).
void cel_sigint_install(void);
/// Number of SIGINTs received since cel_sigint_install (wraps; compare for inequality only).
long cel_sigint_count(void);
/// Registers the write end of a pipe to be poked by every handled signal; returns 0, or -1 if full.
int cel_signal_add_notify_fd(int fd);
/// Unregisters a pipe added with cel_signal_add_notify_fd.
void cel_signal_remove_notify_fd(int fd);

// MARK: - Editor

typedef struct cel_editor cel_editor;

/// Called on the editing thread when the bound completion key is pressed; returns a CC_* code.
typedef unsigned char (*cel_complete_fn)(cel_editor *editor, int key);
/// Called on the editing thread, inside cel_editor_gets, after cel_editor_wake.
typedef void (*cel_wake_fn)(cel_editor *editor);

/// Creates an emacs-mode editor on the given descriptors (0/1/2 use the C stdio streams).
/// `history_size` entries are kept in memory, consecutive duplicates dropped. NULL on failure.
cel_editor *cel_editor_create(const char *program, int in_fd, int out_fd, int err_fd, int history_size);
/// Destroys the editor, its history and its streams (it never closes the caller's descriptors).
void cel_editor_destroy(cel_editor *editor);

/// Stores an opaque pointer for the callbacks (the Swift object); libedit's EL_CLIENTDATA is the editor.
void cel_editor_set_context(cel_editor *editor, void *context);
void *cel_editor_context(const cel_editor *editor);

/// Copies the prompt; the prompt callback returns this copy (stable until the next call). 0 or -1.
int cel_editor_set_prompt(cel_editor *editor, const char *prompt);
/// Enables (1) or disables (0) libedit's own signal handling (EL_SIGNAL) during cel_editor_gets.
void cel_editor_set_signal_handling(cel_editor *editor, int on);
/// Sets the completion callback and binds `key` (e.g. "^I") to it. 0 or -1.
int cel_editor_set_completion(cel_editor *editor, cel_complete_fn callback, const char *key);
/// Sets the callback run on the editing thread after cel_editor_wake.
void cel_editor_set_wake(cel_editor *editor, cel_wake_fn callback);
/// Binds a key sequence (e.g. "^R") to a named libedit command (e.g. "em-inc-search-prev"). 0 or -1.
int cel_editor_bind(cel_editor *editor, const char *key, const char *command);

/// Reads one line (with its trailing newline). Returns NULL with *count == 0 at end of file (Ctrl-D
/// on an empty line), or NULL with *count == -1 and *error set (EINTR after SIGINT).
///
/// Around el_gets it: installs the SIGINT handler; leaves canonical mode before libedit prints the
/// prompt (libedit only goes raw at its first read) and feeds keys typed ahead through the editor;
/// handles SIGWINCH (resize), SIGTSTP (cooked terminal, stop, raw again, redraw) and SIGCONT (redraw);
/// restores the caller's terminal modes and signal dispositions on return.
const char *cel_editor_gets(cel_editor *editor, int *count, int *error);

/// Wakes the editing thread from any thread: the wake callback then runs inside cel_editor_gets.
void cel_editor_wake(cel_editor *editor);

// MARK: - Line buffer (valid only on the editing thread, inside callbacks)

/// The line being edited, in bytes: `text` is NOT NUL-terminated.
typedef struct cel_line {
  const char *text;
  size_t cursor;
  size_t length;
} cel_line;

cel_line cel_editor_line(cel_editor *editor);
/// Inserts a NUL-terminated string at the cursor. 0 or -1.
int cel_editor_insert(cel_editor *editor, const char *text);
/// Deletes `count` characters (not bytes) before the cursor.
void cel_editor_delete(cel_editor *editor, int count);
/// Redraws the prompt and the line from the current cursor row (EL_REFRESH).
void cel_editor_refresh(cel_editor *editor);
/// Rings the terminal bell.
void cel_editor_beep(cel_editor *editor);
/// Terminal width in columns as libedit knows it (80 if unknown).
int cel_editor_columns(cel_editor *editor);
/// Writes bytes to the editor's output stream and flushes it. 0 or -1.
int cel_editor_write(cel_editor *editor, const char *bytes, size_t length);

// MARK: - History

/// The editor's in-memory history, used by up/down arrows and Ctrl-R.
History *cel_editor_history(cel_editor *editor);

/// A standalone history of `size` entries, consecutive duplicates dropped (unique != 0).
History *cel_history_create(int size, int unique);
void cel_history_destroy(History *history);
/// Adds an entry (H_ENTER). 0 or -1.
int cel_history_enter(History *history, const char *line);
/// Removes all entries (H_CLEAR).
void cel_history_clear(History *history);
/// Loads / saves libedit's `_HiStOrY_V2_` file format (H_LOAD / H_SAVE): entry count or -1.
int cel_history_load(History *history, const char *path);
int cel_history_save(History *history, const char *path);
/// Number of entries (H_GETSIZE).
int cel_history_count(History *history);
/// Moves the cursor with H_FIRST (newest), H_NEXT (older), H_LAST (oldest) or H_PREV (newer) and
/// returns that entry, or NULL past the end.
const char *cel_history_step(History *history, int operation);

// MARK: - Testing

/// Opens a pseudo-terminal pair of the given size (for tests driving an editor); 0 or -1.
int cel_openpty(int *master, int *slave, int columns, int rows);

#ifdef __cplusplus
}
#endif

#endif
