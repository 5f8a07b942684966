// peak-rss: runs a program and reports its peak resident memory, measured from a small process.
//
//   peak-rss REPORT PROGRAM [ARG...]
//
// Forks, execs PROGRAM with the same stdin, stdout and stderr, waits for it, and writes one line to the file
// REPORT: `peak_rss_kib=N exit=E` (E negative: killed by that signal). Exits as the program did.
//
// Why not wait4 in the Python drivers: the kernel carries a process's peak RSS across exec, and a child made
// by fork or vfork starts with its parent's (exec_mmap records the old memory map's high-water mark). Spawned
// from a 20 MB Python driver, any program below 20 MB measured as 20 MB. From this 1 MB process it measures
// as itself.
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile pid_t child = 0;

/// SIGINT and SIGTERM sent to this process (the drivers send them to the pid they spawned) go to the program.
static void forward(int signo) {
  if (child > 0) kill(child, signo);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: peak-rss REPORT PROGRAM [ARG...]\n");
    return 2;
  }
  signal(SIGINT, forward);
  signal(SIGTERM, forward);
  child = fork();
  if (child < 0) {
    perror("peak-rss: fork");
    return 2;
  }
  if (child == 0) {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // a driver that kills this process kills the program too
    execvp(argv[2], argv + 2);
    fprintf(stderr, "peak-rss: %s: %s\n", argv[2], strerror(errno));
    _exit(127);
  }
  int status = 0;
  struct rusage usage;
  while (wait4(child, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      perror("peak-rss: wait4");
      return 2;
    }
  }
  int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  FILE *report = fopen(argv[1], "w");
  if (report == NULL) {
    perror("peak-rss: report");
    return 2;
  }
  fprintf(report, "peak_rss_kib=%ld exit=%d\n", usage.ru_maxrss, exit_code);
  fclose(report);
  return exit_code >= 0 ? exit_code : 128 - exit_code;
}
