// Running the tamga binary on hostile input with a wall-clock limit and a measure of its peak memory, and
// reading the JSON Lines records it wrote.
#pragma once
#include <fcntl.h>
#include <signal.h>
#include <simdjson.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "cli_support.h"

namespace tamga::test {

// Sanitizers and a Debug build make tamga several times slower and larger; the limits scale with them.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr double kSlowdown = 1.0;
#else
inline constexpr double kSlowdown = 0.25;
#endif
// Wall-clock limit for a case: `asan_seconds` in the sanitized Debug build scripts/test runs, less in others.
inline double time_limit(double asan_seconds) { return std::max(5.0, asan_seconds * kSlowdown); }

struct Bounded {
  int status = -1;       // exit status; 128 + N when killed by signal N
  std::string out, err;
  double seconds = 0;    // wall clock
  long max_rss_mb = 0;   // peak resident memory of the command and its children
  bool timed_out = false;
};

// Runs a shell command line like run(), killing it (and its process group) after `limit_seconds`. Peak
// memory comes from wait4, which reports the largest of the command and the children it waited for.
inline Bounded run_bounded(const std::string& command, double limit_seconds, const std::string& stdin_text = "") {
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() / ("tamga-hostile-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string n = std::to_string(counter++);
  fs::path in = dir / ("in" + n), out = dir / ("out" + n), err = dir / ("err" + n), script = dir / ("cmd" + n + ".sh");
  std::ofstream(in, std::ios::binary) << stdin_text;
  std::ofstream(script) << command << "\n";
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);
    int i = ::open(in.c_str(), O_RDONLY), o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644),
        e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(i, 0);
    ::dup2(o, 1);
    ::dup2(e, 2);
    ::execl("/bin/bash", "bash", script.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  Bounded r;
  int raw = 0;
  struct rusage usage {};
  for (;;) {
    pid_t done = ::wait4(pid, &raw, WNOHANG, &usage);
    if (done == pid) break;
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (elapsed > limit_seconds) {
      r.timed_out = true;
      ::kill(-pid, SIGKILL);
      ::wait4(pid, &raw, 0, &usage);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.max_rss_mb = usage.ru_maxrss / 1024;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : WIFSIGNALED(raw) ? 128 + WTERMSIG(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  fs::remove(in);
  fs::remove(out);
  fs::remove(err);
  fs::remove(script);
  return r;
}

// What a test wants to know of one JSON Lines record.
struct Record {
  std::string id;
  std::string text;
  std::vector<std::string> errors;    // codes
  std::vector<std::string> warnings;  // codes
  std::vector<long long> warning_bytes;
  size_t tokens = 0;
  size_t hits = 0;
  std::vector<std::pair<long long, long long>> hit_places;  // (line, col)
};

inline std::vector<Record> parse_records(const std::string& jsonl) {
  std::vector<Record> records;
  simdjson::dom::parser parser;
  size_t start = 0;
  while (start < jsonl.size()) {
    size_t nl = jsonl.find('\n', start);
    if (nl == std::string::npos) nl = jsonl.size();
    std::string line = jsonl.substr(start, nl - start);
    start = nl + 1;
    Record rec;
    simdjson::dom::element e;
    if (parser.parse(line).get(e) != simdjson::SUCCESS) {
      rec.id = "<not JSON>";
      records.push_back(rec);
      continue;
    }
    std::string_view s;
    if (e["id"].get(s) == simdjson::SUCCESS) rec.id = std::string(s);
    if (e["text"].get(s) == simdjson::SUCCESS) rec.text = std::string(s);
    simdjson::dom::array list;
    if (e["errors"].get(list) == simdjson::SUCCESS)
      for (auto d : list) rec.errors.emplace_back(std::string_view(d["code"]));
    if (e["warnings"].get(list) == simdjson::SUCCESS)
      for (auto d : list) {
        rec.warnings.emplace_back(std::string_view(d["code"]));
        int64_t byte = -1;
        if (d["byte"].get(byte) != simdjson::SUCCESS) byte = -1;
        rec.warning_bytes.push_back(byte);
      }
    if (e["tokens"].get(list) == simdjson::SUCCESS) rec.tokens = list.size();
    if (e["hits"].get(list) == simdjson::SUCCESS) {
      rec.hits = list.size();
      for (auto h : list) rec.hit_places.emplace_back(int64_t(h["line"]), int64_t(h["col"]));
    }
    records.push_back(std::move(rec));
  }
  return records;
}

// A folder of its own for one test case, emptied first.
inline fs::path case_dir(const std::string& name) {
  fs::path dir = scratch("hostile") / name;
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir);
  return dir;
}

inline void write_bytes(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

inline std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace tamga::test
