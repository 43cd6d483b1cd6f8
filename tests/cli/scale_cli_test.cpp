// --shard K/N (a stable partition of the inputs by id) and --progress on standard error.
#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "cli_support.h"

using namespace tamga::test;

namespace {

// The documented shard hash written out again from the published definitions (FNV-1a 64, then
// MurmurHash3's fmix64), so the test checks the documented hash, not the implementation against itself.
uint64_t shard_hash(const std::string& bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// The "id" values of JSON Lines records, in order.
std::vector<std::string> ids_of(const std::string& jsonl) {
  std::vector<std::string> ids;
  const std::string key = "\"id\":\"";
  for (size_t at = jsonl.find(key); at != std::string::npos; at = jsonl.find(key, at + 1)) {
    size_t start = at + key.size();
    ids.push_back(jsonl.substr(start, jsonl.find('"', start) - start));
    at = jsonl.find('\n', at);
    if (at == std::string::npos) break;
  }
  return ids;
}

std::string records(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += "{\"id\":\"" + id + "\",\"text\":\"A hoax, and a so-called plan for " + id + ".\"}\n";
  return out;
}

}  // namespace

TEST_CASE("--shard takes K/N with 1 <= K <= N and anything else is a usage error (exit 2)") {
  for (const char* bad : {"0/4", "5/4", "4", "a/b", "1/0", "1/", "/4", "-1/4", "1/4x"}) {
    CAPTURE(bad);
    Run r = run(tamga_cmd(std::string("scan --input jsonl --shard '") + bad + "' -"), records({"a"}));
    CHECK(r.status == 2);
    CHECK(r.err.find("--shard must be K/N") != std::string::npos);
    CHECK(r.out.empty());
  }
  CHECK(run(tamga_cmd("scan --input jsonl --format jsonl --shard 1/1 -"), records({"a"})).status == 0);
}

TEST_CASE("--shard K/N keeps the documents whose id hash (FNV-1a 64 then fmix64) mod N is K-1 and the shards partition the input") {
  std::vector<std::string> ids;
  for (int k = 0; k < 40; ++k) ids.push_back("doc-" + std::to_string(k) + (k % 3 ? "" : "-çağ"));
  const std::string input = records(ids);
  for (const char* stage : {"scan", "tokenize", "match", "score"}) {
    CAPTURE(stage);
    std::multiset<std::string> seen;
    for (int k = 1; k <= 3; ++k) {
      Run r = run(tamga_cmd(std::string(stage) + " --input jsonl --format jsonl -j 2 --shard " + std::to_string(k) + "/3 -"), input);
      CHECK(r.status == 0);
      CHECK(r.err.empty());
      std::vector<std::string> got = ids_of(r.out);
      CHECK(!got.empty());
      for (const auto& id : got) {
        CHECK(shard_hash(id) % 3 == static_cast<uint64_t>(k - 1));
        seen.insert(id);
      }
    }
    CHECK(seen == std::multiset<std::string>(ids.begin(), ids.end()));
  }
}

TEST_CASE("ids differing only in bits FNV-1a leaves in the high bits still spread over the shards") {
  // a e i m q u y share their two low bits, so plain FNV-1a 64 mod 4 would put them all in one shard.
  const std::string input = records({"a", "e", "i", "m", "q", "u", "y"});
  int nonempty = 0;
  for (int k = 1; k <= 4; ++k)
    nonempty += !run(tamga_cmd("tokenize --input jsonl --shard " + std::to_string(k) + "/4 -"), input).out.empty();
  CHECK(nonempty >= 3);
}

TEST_CASE("--shard partitions files by path and a broken record is reported by exactly one shard") {
  fs::path dir = scratch("shard-files");
  fs::create_directories(dir);
  for (int k = 0; k < 12; ++k) std::ofstream(dir / ("f" + std::to_string(k) + ".txt")) << "A hoax, number " << k << ".\n";
  std::set<std::string> seen;
  for (int k = 1; k <= 2; ++k) {
    Run r = run(tamga_cmd("scan --format jsonl --shard " + std::to_string(k) + "/2 " + dir.string()));
    CHECK(r.status == 0);
    for (const auto& id : ids_of(r.out)) {
      CHECK(shard_hash(id) % 2 == static_cast<uint64_t>(k - 1));
      CHECK(seen.insert(id).second);
    }
  }
  CHECK(seen.size() == 12);

  // A line that is not JSON gets its position as id ("<stdin>:2"), which falls in one shard only.
  std::string input = records({"a"}) + "not json\n" + records({"b"});
  int reported = 0;
  for (int k = 1; k <= 4; ++k) {
    Run r = run(tamga_cmd("scan --input jsonl --format jsonl --shard " + std::to_string(k) + "/4 -"), input);
    bool has = r.out.find("<stdin>:2") != std::string::npos;
    reported += has;
    CHECK(r.status == (has ? 2 : 0));
    CHECK((r.err.find("<stdin>:2") != std::string::npos) == has);
  }
  CHECK(reported == 1);
}

TEST_CASE("--progress forced writes documents and bytes done with MB/s and the share done to standard error and is off by default") {
  std::string corpora = kSource + "/corpora";
  Run forced = run(tamga_cmd("scan --format jsonl --progress -j 4 " + corpora));
  CHECK(forced.status == 0);
  CHECK(!forced.out.empty());
  CHECK(forced.err.find("tamga: ") != std::string::npos);
  CHECK(forced.err.find(" documents, ") != std::string::npos);
  CHECK(forced.err.find(" kB (100%)") != std::string::npos);  // files: the total is known
  CHECK(forced.err.find(" MB/s") != std::string::npos);
  CHECK(forced.err.back() == '\r');  // the line is cleared at the end
  Run clean = run(tamga_cmd("scan --format jsonl " + corpora));
  CHECK(clean.status == 0);
  CHECK(clean.err.empty());
  CHECK(clean.out == forced.out);
  Run stdin_run = run(tamga_cmd("tokenize --input jsonl --progress -"), records({"a", "b"}));
  CHECK(stdin_run.status == 0);
  CHECK(stdin_run.err.find("2 documents, ") != std::string::npos);
  CHECK(stdin_run.err.find("%") == std::string::npos);  // standard input: no total, no share, no time left
  CHECK(run(tamga_cmd("scan --progress --no-progress -"), "text").status == 2);
  CHECK(run(tamga_cmd("scan --no-progress --format jsonl -"), "A hoax.").err.empty());
}

TEST_CASE("--progress keeps notices on their own lines") {
  Run r = run(tamga_cmd("scan --input jsonl --format jsonl --progress -"), records({"a"}) + "not json\n");
  CHECK(r.status == 2);
  size_t at = r.err.find("tamga: <stdin>:2: not valid JSON");
  REQUIRE(at != std::string::npos);
  CHECK((at == 0 || r.err[at - 1] == '\r' || r.err[at - 1] == '\n'));
}
