// Running the tamga binary from tests: command lines, standard input, exit status, output files.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace tamga::test {

namespace fs = std::filesystem;



struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

inline const std::string kBin = TAMGA_BIN;
inline const std::string kSource = TAMGA_SOURCE_DIR;

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs a shell command line; `stdin_text` is fed on standard input.
inline Run run(const std::string& command, const std::string& stdin_text = "") {
  static int counter = 0;
  fs::path dir = fs::temp_directory_path() / ("tamga-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string n = std::to_string(counter++);
  fs::path in = dir / ("in" + n), out = dir / ("out" + n), err = dir / ("err" + n);
  std::ofstream(in, std::ios::binary) << stdin_text;
  fs::path script = dir / ("cmd" + n + ".sh");
  std::ofstream(script) << command << "\n";
  std::string full = "bash '" + script.string() + "' <'" + in.string() + "' >'" + out.string() + "' 2>'" + err.string() + "'";
  int raw = std::system(full.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

inline std::string tamga_cmd(const std::string& args) { return "'" + kBin + "' " + args; }

inline fs::path scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("tamga-cli-files-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

inline size_t count_lines(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c == '\n';
  return n;
}

// A small lexicon of its own, so CI-behaviour tests do not depend on the shipped lexicons' contents.
inline std::string test_lexicon() {
  fs::path p = scratch("ci-lexicon.tsv");
  std::ofstream(p) << "#@ lang: en\n#@ technique: Doubt\npattern\tgloss\nhoax\ta fabrication\nso-called\trejects the name\n"
                      "alleged\tcasts doubt\n";
  return p.string();
}

}  // namespace tamga::test
