// Corpus tables: documents, tokens, hits and weights per technique, rates and score statistics, grouped by
// language, script, technique or any record field (source, date with day/month/year buckets).
#pragma once
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "tamga/document.h"
#include "tamga/output.h"
#include "tamga/status.h"

namespace tamga {

enum class DateBucket { kNone, kDay, kMonth, kYear };

// Hits and weight summed over a group's documents. Weights are summed as integer millionths, so the total
// is exact and does not depend on the order the documents arrive in (shards, threads, concatenated runs).
struct GroupTally {
  unsigned long long hits = 0;
  long long weight_millionths = 0;
};

struct GroupStats {
  unsigned documents = 0;
  unsigned long long tokens = 0;
  std::array<GroupTally, kTechniqueCount> techniques{};
  GroupTally total;
  std::vector<double> scores;  // one per document, for the mean and median (summed in sorted order)
};

// Adds scored documents (from any number of runs, in any order) and prints the table. Thread-safe. The
// table depends only on the set of documents added, not on their order.
class Aggregator {
 public:
  // Fields: "lang", "script", "technique" or any record field; dates are bucketed by `bucket` for the
  // fields named "date" (or any field when it holds an ISO date and a bucket is given).
  static Result<Aggregator> create(std::vector<std::string> fields, DateBucket bucket);
  Aggregator(Aggregator&&) noexcept;
  ~Aggregator();
  void add(const Document& doc);
  // text, csv, tsv, json or html.
  std::string print(OutputFormat format) const;

 private:
  Aggregator() = default;
  std::vector<std::string> fields_;
  DateBucket bucket_ = DateBucket::kNone;
  bool by_technique_ = false;
  mutable std::mutex mu_;
  std::map<std::vector<std::string>, GroupStats> groups_;
};

}  // namespace tamga
