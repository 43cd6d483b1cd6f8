#include "interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

namespace tamga::app {

namespace {

std::atomic<int> g_signal{0};
// Read by the handler, so a fixed buffer: no allocation, no locks in signal context.
char g_cleanup[4096];
std::atomic<bool> g_has_cleanup{false};

extern "C" void on_signal(int signo) {
  int expected = 0;
  if (g_signal.compare_exchange_strong(expected, signo)) return;
  // The second signal: the user insists. Only async-signal-safe calls from here on.
  if (g_has_cleanup.load()) ::unlink(g_cleanup);
  constexpr char kMessage[] = "tamga: interrupted\n";
  ssize_t ignored = ::write(2, kMessage, sizeof kMessage - 1);
  (void)ignored;
  ::_exit(128 + signo);
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a read blocked on a terminal or pipe returns EINTR, so the reader notices the flag.
  action.sa_flags = 0;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int interrupted() { return g_signal.load(std::memory_order_relaxed); }

int interrupted_exit_status() { return 128 + interrupted(); }

void set_interrupt_cleanup_file(const std::string& path) {
  g_has_cleanup.store(false);
  if (path.empty() || path.size() >= sizeof g_cleanup) return;
  std::memcpy(g_cleanup, path.c_str(), path.size() + 1);
  g_has_cleanup.store(true);
}

}  // namespace tamga::app
