// SIGINT and SIGTERM: a run stops cleanly instead of dying mid-write. The first signal sets a flag that the
// runner polls (no new documents are started, workers finish the one in hand, -o's temporary file is
// removed and the command exits with 128 + the signal number, 130 for Ctrl-C); a second signal removes
// the temporary file and exits at once.
#pragma once
#include <string>

namespace tamga::app {

void install_interrupt_handlers();
// The signal that arrived (SIGINT, SIGTERM), or 0.
int interrupted();
// The exit status for an interrupted run: 128 + the signal number.
int interrupted_exit_status();
// The -o temporary file a second signal must remove before exiting; empty to forget it.
void set_interrupt_cleanup_file(const std::string& path);

}  // namespace tamga::app
