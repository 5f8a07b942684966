/// The hand-written sections of the man page: modes, environment, files, exit status, JSON-RPC, examples.
///
/// Everything about individual commands comes from the command table in `ManPage`; these sections describe the
/// tool around it and follow SPEC §2, §4 and §6.
enum ManPageText {
  static func description(_ page: inout Mdoc) {
    page.section("DESCRIPTION")
    page.text("The batchsh utility gets, lists, cancels, watches and downloads Together AI batch inference jobs. "
      + "One command table and one dispatcher serve four front ends:")
    page.macro("Bl", "-tag -width Ds")
    page.macro("It", "Interactive shell")
    page.text("When standard input and output are terminals and no command is given: line editing (emacs keys, "
      + "Ctrl-R search), persistent history, and Tab completion of commands, flags, job ids, status names and paths. "
      + "A second Tab lists the candidates. Ctrl-C clears the line or stops the running command; Ctrl-D on an empty "
      + "line or quit leaves.")
    page.macro("It", "Script mode")
    page.text("When standard input is not a terminal, or with -f FILE: one command per line; blank lines and lines "
      + "starting with # are skipped. The first failing command stops the script with script:LINE: error: ... on "
      + "standard error and its exit status, unless --keep-going is given.")
    page.macro("It", "One-shot")
    page.text("batchsh COMMAND ARGUMENTS... runs one command, for pipelines, cron and CI.")
    page.macro("It", "JSON-RPC 2.0")
    page.text("With --rpc, line-delimited JSON-RPC 2.0 on standard input and output, for editors and programs; see "
      + "JSON-RPC below.")
    page.macro("El")
    page.macro("Pp")
    page.text("Output is a table by default; --json on any command prints JSON instead: get one object, list and "
      + "cancel an array, watch one object per line per change (NDJSON), download {\"path\",\"bytes\",\"file_id\"}. "
      + "In the interactive shell and in scripts, set output json does the same for every later command.")
  }

  static func rest(_ page: inout Mdoc) {
    page.section("ENVIRONMENT")
    page.macro("Bl", "-tag -width Ds")
    for (name, text) in [
      ("TOGETHER_API_KEY", "The API key, required unless --sim. It is never a flag, never printed, logged or saved "
        + "in history, and never sent over plain http to a host other than this machine."),
      ("TOGETHER_BASE_URL", "The API base URL when --base-url is not given."),
      ("BATCHSH_HISTORY", "The history file; /dev/null disables history."),
      ("XDG_STATE_HOME", "The history lives in $XDG_STATE_HOME/batchsh/history (default ~/.local/state)."),
      ("NO_COLOR", "Disables colour in auto mode."),
      ("CLICOLOR_FORCE", "Enables colour in auto mode even when the output is not a terminal."),
    ] {
      page.macro("It", "Ev " + name)
      page.text(text)
    }
    page.macro("El")
    page.section("FILES")
    page.macro("Bl", "-tag -width Ds")
    page.macro("It", "Pa ~/.local/state/batchsh/history")
    page.text("Shell history, mode 0600, at most 1000 entries; lines starting with a space and lines that look like "
      + "they hold a key are not saved.")
    page.macro("El")
    page.section("EXIT STATUS")
    page.macro("Bl", "-tag -width Ds")
    for (code, text) in [
      ("0", "Success; for watch --exit-status, every watched job COMPLETED."),
      ("1", "A command failed: API error, not found, network failure after retries."),
      ("3", "watch --exit-status: a watched job ended FAILED, EXPIRED or CANCELLED."),
      ("4", "Authentication: no key, or the server answered 401 or 403."),
      ("64", "Usage error: unknown command, bad flag or argument."),
      ("124", "watch --timeout ran out."),
      ("130", "Interrupted (SIGINT) outside the interactive shell."),
    ] {
      page.macro("It", code)
      page.text(text)
    }
    page.macro("El")
    page.section("JSON-RPC")
    page.text("One JSON value per line, UTF-8, both ways; standard output carries protocol messages only. Methods "
      + "are the commands above with named params: positional arguments by name (id, ids), flags by their long name "
      + "with - spelled _ (fail_fast). rpc.discover returns an OpenRPC document generated from the command table. "
      + "Requests run concurrently and are answered as they finish. watch sends watch/update notifications "
      + "{\"request_id\",\"job\"} on every change, then answers {\"jobs\":[...]}. $/cancelRequest {\"id\"} or "
      + "notifications/cancelled {\"requestId\"} stops a request, which answers -32800; remote jobs are not touched. "
      + "shutdown answers null and the process exits after the exit notification or end of input.")
    page.text("Error codes: -32700 parse error, -32600 invalid request, -32601 method not found, -32602 invalid "
      + "params, -32603 internal error, -32800 cancelled, -32010 not found, -32011 unauthorized, -32012 rate limited, "
      + "-32013 upstream unavailable, -32014 invalid state, -32015 timeout; error.data carries http_status, "
      + "api_message and retry_after where known. scripts/rpc-example.py is a small client to start from.")
    page.section("EXAMPLES")
    page.text("Explore the simulator, then follow every active job to the end:")
    page.literal(["$ batchsh --sim", "batchsh[sim]> list --active", "batchsh[sim]> watch --active --exit-status"])
    page.text("In a pipeline:")
    page.literal([
      "$ batchsh list --status FAILED --json | jq -r '.[].id'",
      "$ batchsh watch batch-123 --exit-status --timeout 3600 && batchsh download batch-123",
    ])
    page.text("Drive it from a program:")
    page.literal([
      "$ printf '%s\\n' '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"list\",\"params\":{\"active\":true}}' |",
      "    batchsh --rpc --sim",
    ])
    page.section("SEE ALSO")
    page.text("The Together AI batch inference documentation: https://docs.together.ai/docs/batch-inference")
  }
}
