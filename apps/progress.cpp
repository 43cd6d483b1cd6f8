#include "progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace tamga::app {

namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(250);

void write_stderr(std::string_view s) {
  while (!s.empty()) {
    ssize_t n = ::write(STDERR_FILENO, s.data(), s.size());
    if (n <= 0) return;  // progress is best effort: a broken stderr must not stop the run
    s.remove_prefix(static_cast<size_t>(n));
  }
}

std::string duration_text(double seconds) {
  auto total = static_cast<long long>(seconds + 0.5);
  if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

// Decimal units, as MB/s is: 812 kB, 4.56 MB, 12.3 GB.
std::string bytes_text(uint64_t bytes) {
  double b = static_cast<double>(bytes);
  if (b < 1e6) return fmt::format("{:.0f} kB", b / 1e3);
  if (b < 1e8) return fmt::format("{:.2f} MB", b / 1e6);
  if (b < 1e9) return fmt::format("{:.1f} MB", b / 1e6);
  return fmt::format("{:.2f} GB", b / 1e9);
}

}  // namespace

bool progress_by_default() {
  if (const char* ci = std::getenv("CI"); ci && *ci) return false;
  if (const char* term = std::getenv("TERM"); term && std::string_view(term) == "dumb") return false;
  return isatty(STDERR_FILENO) != 0 && isatty(STDOUT_FILENO) == 0;
}

std::optional<uint64_t> total_input_bytes(const std::vector<InputItem>& inputs) {
  uint64_t total = 0;
  for (const InputItem& item : inputs) {
    if (item.path == "-") return std::nullopt;
    std::error_code ec;
    auto size = std::filesystem::file_size(item.path, ec);
    if (ec) return std::nullopt;
    total += size;
  }
  return total;
}

Progress::Progress(bool enabled, std::optional<uint64_t> total_bytes)
    : enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()) {
  if (enabled_) ticker_ = std::thread([this] { tick(); });
}

Progress::~Progress() { finish(); }

void Progress::add(uint64_t documents, uint64_t bytes) {
  if (!enabled_) return;
  documents_.fetch_add(documents, std::memory_order_relaxed);
  bytes_.fetch_add(bytes, std::memory_order_relaxed);
}

void Progress::note(std::string_view line) {
  if (!enabled_) {
    std::cerr << line << '\n';
    return;
  }
  std::lock_guard lock(mu_);
  clear_locked();
  std::cerr << line << '\n' << std::flush;
}

void Progress::finish() {
  if (!enabled_) return;
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
  }
  cv_.notify_all();
  ticker_.join();
  std::lock_guard lock(mu_);
  draw_locked();  // the final figures, so a log of a forced --progress ends with the totals
  clear_locked();
}

void Progress::tick() {
  std::unique_lock lock(mu_);
  while (!cv_.wait_for(lock, kRedrawInterval, [this] { return stopping_; })) draw_locked();
}

std::string Progress::status_line() const {
  uint64_t docs = documents_.load(std::memory_order_relaxed);
  uint64_t bytes = bytes_.load(std::memory_order_relaxed);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = seconds > 0 ? static_cast<double>(bytes) / seconds : 0;
  std::string line = fmt::format("tamga: {} document{}, {}", docs, docs == 1 ? "" : "s", bytes_text(bytes));
  if (total_ && *total_ > 0)
    line += fmt::format(" of {} ({}%)", bytes_text(*total_), std::min<uint64_t>(100, bytes * 100 / *total_));
  line += fmt::format(", {:.2f} MB/s", rate / 1e6);
  if (total_ && rate > 0 && bytes < *total_) line += ", " + duration_text(static_cast<double>(*total_ - bytes) / rate) + " left";
  return line;
}

void Progress::draw_locked() {
  std::string line = status_line();
  size_t width = line.size();  // ASCII only
  if (width < drawn_width_) line.append(drawn_width_ - width, ' ');  // cover a longer previous line
  write_stderr("\r" + line);
  drawn_width_ = width;
}

void Progress::clear_locked() {
  if (drawn_width_ == 0) return;
  // Spaces rather than an ANSI erase sequence: works on any terminal.
  std::string blank(drawn_width_ + 2, ' ');
  blank.front() = '\r';
  blank.back() = '\r';
  write_stderr(blank);
  drawn_width_ = 0;
}

}  // namespace tamga::app
