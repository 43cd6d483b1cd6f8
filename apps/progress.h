// Progress of a long run on standard error: documents and bytes done, MB/s, and the time left when the
// total size is known (files and folders; not standard input). Redrawn in place with \r at most four
// times a second by a ticker thread; workers only bump counters. When off, nothing is ever printed.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common.h"

namespace tamga::app {

// The default for --progress/--no-progress: on when standard error is a terminal, standard output is not
// (results printed to the same terminal would be torn by the redrawn line), TERM is not "dumb" and no CI
// variable is set, so nothing reaches CI logs or pipes unless asked for.
bool progress_by_default();

// The bytes the inputs will take, when every input is a file whose size is known up front.
std::optional<uint64_t> total_input_bytes(const std::vector<InputItem>& inputs);

class Progress {
 public:
  Progress(bool enabled, std::optional<uint64_t> total_bytes);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  bool enabled() const { return enabled_; }
  // Thread-safe: counts documents finished and input bytes consumed.
  void add(uint64_t documents, uint64_t bytes);
  // Prints a line on standard error (a notice) without tearing the progress line.
  void note(std::string_view line);
  // Stops the ticker, draws the final figures once and clears the line.
  void finish();

 private:
  void tick();
  void draw_locked();
  void clear_locked();
  std::string status_line() const;

  bool enabled_;
  std::optional<uint64_t> total_;
  std::atomic<uint64_t> documents_{0}, bytes_{0};
  std::chrono::steady_clock::time_point start_;
  std::mutex mu_;  // guards drawing and `stopping_`
  std::condition_variable cv_;
  bool stopping_ = false;
  size_t drawn_width_ = 0;
  std::thread ticker_;
};

}  // namespace tamga::app
