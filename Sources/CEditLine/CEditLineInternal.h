// Private to the CEditLine target: what the editor needs from the signal machinery.
#ifndef CEDITLINE_INTERNAL_H
#define CEDITLINE_INTERNAL_H

#include <signal.h>

/// Signals the shim handles, as indexes into its counters.
enum { SLOT_INT, SLOT_WINCH, SLOT_CONT, SLOT_TSTP, SLOT_COUNT };

/// The number of signals of `slot` received so far (an atomic load).
long cel__signal_count(int slot);

/// Installs the shim's counting handler for `signo`, without SA_RESTART; like sigaction(2).
int cel__install_handler(int signo, struct sigaction *previous);

#endif
