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

struct GroupStats {
  unsigned documents = 0;
  unsigned long long tokens = 0;
  std::array<TechniqueTally, kTechniqueCount> techniques{};
  TechniqueTally total;
  std::vector<double> scores;  // one per document, for the mean and median
};

// Adds scored documents (from any number of runs, in any order) and prints the table. Thread-safe.
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
