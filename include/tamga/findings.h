// What CI does with hits: severities, stable fingerprints, an allow-list of accepted phrases,
// baselines of accepted findings, and removing what inline suppressions, the allow-list or the
// baseline exclude.
#pragma once
#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tamga/document.h"
#include "tamga/status.h"

namespace tamga {

enum class Severity : unsigned char { kNote, kWarning, kError };
std::string_view severity_name(Severity s);
std::optional<Severity> parse_severity(std::string_view name);

// Severity per technique: warning by default, Repetition a note.
struct Severities {
  std::array<Severity, kTechniqueCount> by_technique;
  Severities();
  Severity of(Technique t) const { return by_technique[static_cast<size_t>(t)]; }
};

// One fingerprint per hit (same order as doc.hits): a hash of the document id, technique, entry, the
// hit's normalized surface and its occurrence number among equal (technique, entry, surface) hits of
// the document — so edits elsewhere in the file, such as lines inserted above, do not change it.
std::vector<std::string> fingerprints(const Document& doc);

// Accepted phrases, one a line (# comments): a hit whose text, case-folded with runs of spaces and
// punctuation made one space, equals a listed phrase is not reported. "entry:ID" accepts a whole entry.
class AllowList {
 public:
  static Result<AllowList> load(const std::string& path);
  static AllowList from_text(std::string_view text);
  bool allows(const Document& doc, const Hit& hit) const;
  size_t size() const { return phrases_.size() + entries_.size(); }

 private:
  std::set<std::string> phrases_;
  std::set<std::string> entries_;
};

// Findings accepted earlier (`--write-baseline`): only findings not in it are reported and can fail.
class Baseline {
 public:
  static Result<Baseline> load(const std::string& path);
  bool contains(const std::string& fingerprint) const { return fingerprints_.count(fingerprint) > 0; }
  // One line per finding: fingerprint, id, technique, surface (tab-separated).
  static std::string lines_for(const Document& doc);

 private:
  std::set<std::string> fingerprints_;
};

// Removes the hits that inline suppressions (in the document's own text), the allow-list or the
// baseline exclude, counting them in doc.suppressed and recomputing nothing else (score afterwards).
void filter_findings(Document& doc, const AllowList* allow, const Baseline* baseline);

}  // namespace tamga
