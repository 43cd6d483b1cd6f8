#include "tamga/findings.h"

#include <fmt/format.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "detail/utf8.h"
#include "tamga/markup.h"
#include "tamga/normalize.h"

namespace tamga {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::kNote: return "note";
    case Severity::kError: return "error";
    case Severity::kWarning: break;
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "note") return Severity::kNote;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

Severities::Severities() {
  by_technique.fill(Severity::kWarning);
  by_technique[static_cast<size_t>(Technique::kRepetition)] = Severity::kNote;
}

namespace {

// Case-folded, with every run of non-letters and non-digits made one space.
std::string phrase_key(std::string_view text, Lang lang) {
  std::string folded = fold(text, lang);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < folded.size();) {
    size_t at = i;
    char32_t c = detail::next_code_point(folded, i);
    if (u_isalnum(static_cast<UChar32>(c)) || c == U'\'') {
      if (space && !out.empty()) out += ' ';
      space = false;
      out.append(folded, at, i - at);
    } else {
      space = true;
    }
  }
  return out;
}

std::string fnv1a_hex(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

Lang lang_at(const Document& doc, unsigned offset) {
  for (const Segment& s : doc.segments)
    if (offset >= s.start && offset < s.end) return s.lang;
  return doc.lang;
}

}  // namespace

std::vector<std::string> fingerprints(const Document& doc) {
  std::vector<std::string> out;
  std::map<std::string, unsigned> seen;
  for (const Hit& h : doc.hits) {
    std::string surface = phrase_key(std::string_view(doc.text).substr(h.start, h.end - h.start), lang_at(doc, h.start));
    std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}", doc.id, technique_name(h.technique), h.entry, surface);
    unsigned n = seen[key]++;
    out.push_back(fnv1a_hex(fmt::format("{}\x1f{}", key, n)));
  }
  return out;
}

AllowList AllowList::from_text(std::string_view text) {
  AllowList a;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    std::string_view l(line);
    l.remove_prefix(first);
    if (l.rfind("entry:", 0) == 0) a.entries_.insert(std::string(l.substr(6)));
    else a.phrases_.insert(phrase_key(l, Lang::kUnknown));
  }
  return a;
}

Result<AllowList> AllowList::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kIoError, fmt::format("{}: cannot read the allow-list", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return from_text(ss.str());
}

bool AllowList::allows(const Document& doc, const Hit& hit) const {
  if (entries_.count(hit.entry)) return true;
  if (phrases_.empty()) return false;
  // Both sides folded the language-neutral way, so the list need not know the document's language.
  return phrases_.count(phrase_key(std::string_view(doc.text).substr(hit.start, hit.end - hit.start), Lang::kUnknown)) > 0;
}

Result<Baseline> Baseline::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(StatusCode::kIoError, fmt::format("{}: cannot read the baseline", path));
  Baseline b;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::string fp = line.substr(0, line.find('\t'));
    if (fp.size() != 16 || fp.find_first_not_of("0123456789abcdef") != std::string::npos)
      return Status(StatusCode::kDataError, fmt::format("{}:{}: not a baseline line (fingerprint<TAB>...)", path, line_no));
    b.fingerprints_.insert(fp);
  }
  return b;
}

std::string Baseline::lines_for(const Document& doc) {
  std::string out;
  auto fps = fingerprints(doc);
  for (size_t i = 0; i < doc.hits.size(); ++i) {
    const Hit& h = doc.hits[i];
    std::string surface(std::string_view(doc.text).substr(h.start, h.end - h.start));
    for (char& c : surface)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    out += fmt::format("{}\t{}\t{}\t{}\n", fps[i], doc.id, technique_name(h.technique), surface);
  }
  return out;
}

void filter_findings(Document& doc, const AllowList* allow, const Baseline* baseline) {
  if (doc.hits.empty()) return;  // nothing to drop
  auto ranges = find_suppressions(doc.text, doc.format);
  if (ranges.empty() && !allow && !baseline) return;
  std::vector<std::string> fps;
  if (baseline) fps = fingerprints(doc);
  std::vector<Hit> kept;
  for (size_t i = 0; i < doc.hits.size(); ++i) {
    const Hit& h = doc.hits[i];
    bool drop = false;
    for (const auto& r : ranges) {
      if (h.start >= r.start && h.start < r.end &&
          (r.techniques.empty() || std::find(r.techniques.begin(), r.techniques.end(), h.technique) != r.techniques.end()))
        drop = true;
    }
    if (!drop && allow && allow->allows(doc, h)) drop = true;
    if (!drop && baseline && baseline->contains(fps[i])) drop = true;
    if (drop) ++doc.suppressed;
    else kept.push_back(h);
  }
  doc.hits = std::move(kept);
}

}  // namespace tamga
