// Nothing lost: every stage writes exactly one record per input document, in input order, broken ones
// with `errors`, and exits 2 at the end; an interrupted run leaves no partial output file.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "hostile_support.h"

using namespace tamga::test;

namespace {

constexpr size_t kDocuments = 50;

struct Corpus {
  fs::path file;
  std::vector<std::string> ids;  // the id each record must carry, in order
  std::vector<bool> broken;
};

// JSON Lines where every tenth record is broken, each time differently: truncated JSON, not an object,
// no text, over --max-doc-size 4K, a text that is not a string.
Corpus broken_jsonl() {
  Corpus c;
  c.file = case_dir("every-tenth") / "corpus.jsonl";
  std::string lines;
  for (size_t k = 0; k < kDocuments; ++k) {
    std::string id = "d" + std::to_string(k);
    std::string where = c.file.string() + ":" + std::to_string(k + 1);
    bool broken = k % 10 == 9;
    c.broken.push_back(broken);
    if (!broken) {
      lines += "{\"id\":\"" + id + "\",\"text\":\"Document " + std::to_string(k) + ": a hoax, the so-called experts said.\",\"source\":\"s\"}\n";
      c.ids.push_back(id);
      continue;
    }
    switch (k / 10) {
      case 0: lines += "{\"id\":\"" + id + "\",\"text\":\"cut\n"; c.ids.push_back(where); break;
      case 1: lines += "[\"" + id + "\"]\n"; c.ids.push_back(where); break;
      case 2: lines += "{\"id\":\"" + id + "\"}\n"; c.ids.push_back(id); break;
      case 3: lines += "{\"id\":\"" + id + "\",\"text\":\"" + std::string(5000, 'x') + "\"}\n"; c.ids.push_back(where); break;
      default: lines += "{\"id\":\"" + id + "\",\"text\":7}\n"; c.ids.push_back(id); break;
    }
  }
  write_bytes(c.file, lines);
  return c;
}

void check_records(const std::string& out, const Corpus& c, bool expect_hits) {
  auto records = parse_records(out);
  REQUIRE(records.size() == kDocuments);
  for (size_t k = 0; k < kDocuments; ++k) {
    CAPTURE(k);
    CHECK(records[k].id == c.ids[k]);
    CHECK(records[k].errors.empty() == !c.broken[k]);
    if (expect_hits && !c.broken[k]) CHECK(records[k].hits >= 2);
  }
}

}  // namespace

TEST_CASE("nothing lost: every stage gives one record per document, in order, when every tenth is broken") {
  Corpus c = broken_jsonl();
  std::string lex = " -l '" + test_lexicon() + "'";
  struct Stage {
    const char* command;
    std::string options;
    bool hits;
  };
  const Stage stages[] = {{"scan", lex, true},  {"tokenize", "", false}, {"match", lex, true},
                          {"score", "", false}, {"report", "", false}};
  for (const Stage& stage : stages) {
    for (const char* jobs : {"-j 1", "-j 2"}) {
      CAPTURE(stage.command);
      CAPTURE(jobs);
      Bounded r = run_bounded(tamga_cmd(std::string(stage.command) + " --format jsonl --lang en --max-doc-size 4K " + jobs +
                                        stage.options + " " + quoted(c.file)),
                              time_limit(60));
      CHECK_FALSE(r.timed_out);
      CHECK(r.status == 2);
      CHECK(count_lines(r.err) == kDocuments / 10);  // one message per broken record
      check_records(r.out, c, stage.hits);
    }
  }
  // Through the whole pipeline the broken records keep their errors and their place; every stage exits 2.
  Bounded pipeline = run_bounded(tamga_cmd("tokenize --lang en --max-doc-size 4K " + quoted(c.file)) + " | " +
                                     tamga_cmd("match -j 2" + lex) + " | " + tamga_cmd("score") + " | " +
                                     tamga_cmd("report --format jsonl") + "; echo \"${PIPESTATUS[*]}\" >&2",
                                 time_limit(90));
  CHECK(pipeline.err.find("2 2 2 2\n") != std::string::npos);
  check_records(pipeline.out, c, true);
  Bounded csv = run_bounded(tamga_cmd("report --format csv -j 2 --max-doc-size 4K " + quoted(c.file)), time_limit(60));
  CHECK(csv.status == 2);
  CHECK(count_lines(csv.out) == 1 + kDocuments);
}

TEST_CASE("nothing lost: scanning files where every tenth cannot be read or is too large, -j 1 and -j 2") {
  fs::path dir = case_dir("every-tenth-files");
  std::vector<std::string> names;
  std::vector<std::string> expected_error;
  for (size_t k = 0; k < 30; ++k) {
    char name[16];
    std::snprintf(name, sizeof name, "doc%02zu.txt", k);
    names.push_back(name);
    if (k % 10 != 9) {
      write_bytes(dir / name, "Document " + std::to_string(k) + ": a hoax.\n");
      expected_error.emplace_back();
    } else if (k == 19) {
      fs::create_symlink("/proc/self/mem", dir / name);  // reading fails with EIO
      expected_error.emplace_back("read-failed");
    } else {
      write_bytes(dir / name, std::string(5000, 'y'));
      expected_error.emplace_back("too-large");
    }
  }
  for (const char* jobs : {"-j 1", "-j 2"}) {
    CAPTURE(jobs);
    Bounded r = run_bounded(tamga_cmd(std::string("scan --format jsonl --lang en --max-doc-size 4K ") + jobs + " -l '" +
                                      test_lexicon() + "' " + quoted(dir)),
                            time_limit(60));
    CHECK(r.status == 2);
    CHECK(count_lines(r.err) == 3);
    auto records = parse_records(r.out);
    REQUIRE(records.size() == names.size());
    for (size_t k = 0; k < names.size(); ++k) {
      CAPTURE(k);
      CHECK(records[k].id == (dir / names[k]).string());
      CHECK((records[k].errors.empty() ? std::string() : records[k].errors[0]) == expected_error[k]);
      if (expected_error[k].empty()) CHECK(records[k].hits == 1);
    }
  }
}

namespace {

// Starts tamga with `args`, standard input from `stdin_fd` (or /dev/null), output to files; returns its pid.
pid_t spawn_tamga(const std::vector<std::string>& args, int stdin_fd, const fs::path& out, const fs::path& err) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int in = stdin_fd >= 0 ? stdin_fd : ::open("/dev/null", O_RDONLY);
    int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(in, 0);
    ::dup2(o, 1);
    ::dup2(e, 2);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(kBin.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(kBin.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

// The temporary file -o writes through, once it exists (and, if asked, holds output).
bool wait_for_temp_file(const fs::path& dir, bool with_output, double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    for (const auto& e : fs::directory_iterator(dir)) {
      std::error_code ec;
      if (e.path().filename().string().find(".tamga-") != std::string::npos && (!with_output || fs::file_size(e.path(), ec) > 0))
        return true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

// Waits for the process; its exit status, or -1 when it did not end within `seconds`.
int wait_exit(pid_t pid, double seconds) {
  auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  int raw = 0;
  while (std::chrono::steady_clock::now() < until) {
    if (::waitpid(pid, &raw, WNOHANG) == pid) return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &raw, 0);
  return -1;
}

size_t files_in(const fs::path& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("nothing lost: SIGINT stops a running scan cleanly: exit 130, a message, no partial -o file") {
  fs::path dir = case_dir("sigint");
  fs::path input = dir / "big.jsonl", out_dir = dir / "out";
  fs::create_directories(out_dir);
  {
    // Enough documents that no build finishes them before the signal arrives.
    std::ofstream f(input, std::ios::binary);
    for (int k = 0; k < 200000; ++k)
      f << "{\"id\":\"n" << k << "\",\"text\":\"Report " << k
        << ": the so-called experts called it a hoax, and the alleged plot was never proven.\"}\n";
  }
  fs::path result = out_dir / "result.jsonl";
  pid_t pid = spawn_tamga({"scan", "--format", "jsonl", "--lang", "en", "-j", "2", "-l", test_lexicon(), "-o", result.string(),
                           input.string()},
                          -1, dir / "stdout", dir / "stderr");
  REQUIRE(wait_for_temp_file(out_dir, true, time_limit(120)));  // running, and output written
  ::kill(pid, SIGINT);
  int status = wait_exit(pid, time_limit(30));
  CHECK(status == 130);
  CHECK(read_file(dir / "stderr") == "tamga scan: interrupted; " + result.string() + " was not written\n");
  CHECK(read_file(dir / "stdout") == "");
  CHECK(files_in(out_dir) == 0);  // neither the result nor the temporary file
}

TEST_CASE("nothing lost: SIGINT or SIGTERM while waiting on standard input ends the run at once, no file left") {
  for (int signo : {SIGINT, SIGTERM}) {
    CAPTURE(signo);
    fs::path dir = case_dir("sigint-stdin-" + std::to_string(signo));
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    fs::path result = dir / "result.jsonl";
    pid_t pid = spawn_tamga({"scan", "--format", "jsonl", "--input", "jsonl", "--lang", "en", "-l", test_lexicon(), "-o",
                             result.string(), "-"},
                            fds[0], dir / "stdout", dir / "stderr");
    ::close(fds[0]);
    std::string some = "{\"id\":\"a\",\"text\":\"A hoax.\"}\n";
    REQUIRE(::write(fds[1], some.data(), some.size()) == static_cast<ssize_t>(some.size()));
    REQUIRE(wait_for_temp_file(dir, false, time_limit(60)));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the reader is now blocked on the open pipe
    ::kill(pid, signo);
    int status = wait_exit(pid, time_limit(20));
    ::close(fds[1]);
    CHECK(status == 128 + signo);
    CHECK(read_file(dir / "stderr") == "tamga scan: interrupted; " + result.string() + " was not written\n");
    CHECK_FALSE(fs::exists(result));
    CHECK(files_in(dir) == 2);  // stdout and stderr of the test only
  }
}
