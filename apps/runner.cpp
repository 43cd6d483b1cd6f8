#include "runner.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "interrupt.h"

#include "tamga/jsonl.h"

namespace tamga::app {

namespace {

struct Unit {
  size_t seq = 0;
  const InputItem* item = nullptr;  // a whole file (text, Markdown, HTML)
  std::string source;               // for JSON Lines batches: the input's name
  size_t first_line = 0;
  std::vector<std::string> lines;
  std::vector<std::pair<size_t, size_t>> oversized;  // (index into lines, the line's length): over --max-doc-size
  bool jsonl = false;
  uint64_t bytes = 0;  // input bytes the unit covers, for --progress
};

struct Result {
  std::string output;
  std::string side;
  std::string notice;
  bool error = false;
  bool threshold = false;
  uint64_t documents = 0, bytes = 0;  // for --progress
};

constexpr size_t kBatchLines = 256;
constexpr uint64_t kBatchBytes = 8 << 20;  // long records make smaller batches: memory stays bounded

// A file's size for --progress; 0 for standard input or when it cannot be known.
uint64_t file_bytes(const InputItem& item) {
  if (item.path == "-") return 0;
  std::error_code ec;
  auto size = std::filesystem::file_size(item.path, ec);
  return ec ? 0 : static_cast<uint64_t>(size);
}

}  // namespace

RunSummary run_documents(const std::vector<InputItem>& inputs, const InputOptions& input, unsigned jobs,
                         const WorkerFactory& factory, Output& out, std::string_view separator,
                         Progress* progress) {
  RunSummary summary;
  jobs = std::max(1u, jobs);
  const size_t window = 4 * static_cast<size_t>(jobs);
  std::mutex mu;
  std::condition_variable queue_cv, ready_cv, space_cv;
  std::deque<Unit> queue;
  std::map<size_t, Result> ready;
  size_t produced = 0, printed = 0;
  bool producing_done = false;
  std::atomic<bool> producer_finished{false};
  std::atomic<bool> stop{false};

  auto push = [&](Unit u) {
    std::unique_lock lock(mu);
    space_cv.wait(lock, [&] { return produced < printed + window || stop; });
    if (stop) return false;
    u.seq = produced++;
    queue.push_back(std::move(u));
    queue_cv.notify_one();
    return true;
  };

  std::thread producer([&] {
    for (const InputItem& item : inputs) {
      if (stop) break;
      InputKind kind = resolve_input_kind(item, input.kind);
      if (kind != InputKind::kJsonl) {
        // A whole file's id is its path, so a file outside the shard is not even read.
        if (input.shard && !in_shard(item.path == "-" ? "<stdin>" : item.path, *input.shard)) {
          if (progress) progress->add(0, file_bytes(item));
          continue;
        }
        Unit u;
        u.item = &item;
        if (!push(std::move(u))) break;
        continue;
      }
      std::string name = item.path == "-" ? "<stdin>" : item.path;
      std::ifstream file;
      std::istream* in = &std::cin;
      if (item.path != "-") {
        file.open(item.path, std::ios::binary);
        if (!file) {
          Unit u;
          u.item = &item;  // the worker reports the read error as a record
          if (!push(std::move(u))) break;
          continue;
        }
        in = &file;
      }
      Unit batch;
      batch.jsonl = true;
      batch.source = name;
      batch.first_line = 1;
      std::string line;
      size_t line_no = 0, length = 0;
      bool over_limit = false;
      while (!stop && !interrupted() && read_line_bounded(*in, line, input.max_document_bytes, over_limit, length)) {
        ++line_no;
        if (line_no == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
        batch.bytes += length + 1;
        if (over_limit) batch.oversized.emplace_back(batch.lines.size(), length);
        batch.lines.push_back(std::move(line));
        if (batch.lines.size() >= kBatchLines || batch.bytes >= kBatchBytes) {
          if (!push(std::move(batch))) break;
          batch = Unit{};
          batch.jsonl = true;
          batch.source = name;
          batch.first_line = line_no + 1;
        }
      }
      if (!batch.lines.empty() && !stop) push(std::move(batch));
    }
    std::lock_guard lock(mu);
    producing_done = true;
    producer_finished = true;
    queue_cv.notify_all();
    ready_cv.notify_all();  // nothing may be in flight: the printer must not wait for more
  });

  auto worker = [&] {
    DocumentFunction fn = factory();
    JsonlFields fields{input.text_field, input.id_field};
    for (;;) {
      Unit u;
      {
        std::unique_lock lock(mu);
        queue_cv.wait(lock, [&] { return !queue.empty() || producing_done || stop; });
        if (stop || queue.empty()) return;
        u = std::move(queue.front());
        queue.pop_front();
      }
      Result r;
      std::string one;
      auto handle = [&](Document& doc) {
        ++r.documents;
        if (!doc.errors.empty()) r.error = true;
        one.clear();
        DocumentOutcome o = fn(doc, one);
        if (!one.empty()) {
          if (!r.output.empty()) r.output += separator;
          r.output += one;
        }
        r.threshold |= o.threshold;
        r.side += o.side;
      };
      if (u.jsonl) {
        r.bytes = u.bytes;
        auto oversized = u.oversized.begin();
        std::string where;  // "source:line", rewritten in place for each record
        Document doc;       // reused: its text and token buffers outlive each record
        for (size_t k = 0; k < u.lines.size() && !interrupted(); ++k) {
          std::string_view line = u.lines[k];
          where.clear();
          fmt::format_to(std::back_inserter(where), "{}:{}", u.source, u.first_line + k);
          bool too_large = oversized != u.oversized.end() && oversized->first == k;
          if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
          if (!too_large && line.find_first_not_of(" \t") == std::string_view::npos) continue;
          if (too_large) doc = oversized_record(where, (oversized++)->second, input.max_document_bytes, false);
          else document_from_json_line(line, fields, where, where, doc);
          if (input.shard && !in_shard(doc.id, *input.shard)) continue;  // another shard reports it
          if (!doc.errors.empty()) {
            if (!r.notice.empty()) r.notice += '\n';
            r.notice += terminal_safe("tamga: " + doc.errors.front().message);
          }
          handle(doc);
        }
      } else {
        LoadedInput loaded = load_input(*u.item, input);
        r.bytes = file_bytes(*u.item);
        if (u.item->path == "-")
          for (const Document& doc : loaded.documents) r.bytes += doc.text.size();
        r.notice = loaded.notice;
        r.error = loaded.error;
        for (Document& doc : loaded.documents) handle(doc);
      }
      {
        std::lock_guard lock(mu);
        ready.emplace(u.seq, std::move(r));
      }
      ready_cv.notify_all();
    }
  };

  std::vector<std::thread> threads;
  for (unsigned k = 0; k < jobs; ++k) threads.emplace_back(worker);
  bool wrote_any = false;
  for (;;) {
    Result r;
    {
      std::unique_lock lock(mu);
      // Polled, not only notified: a signal handler cannot notify a condition variable.
      while (!interrupted() &&
             !ready_cv.wait_for(lock, std::chrono::milliseconds(50),
                                [&] { return ready.count(printed) > 0 || (producing_done && printed == produced); })) {
      }
      if (interrupted()) {
        summary.interrupted = true;
        break;
      }
      if (ready.count(printed) == 0) break;
      r = std::move(ready[printed]);
      ready.erase(printed);
      ++printed;
    }
    space_cv.notify_all();
    if (!r.notice.empty()) {
      out.flush();
      if (progress) progress->note(r.notice);
      else std::cerr << r.notice << '\n';
    }
    if (progress) progress->add(r.documents, r.bytes);
    summary.had_errors |= r.error;
    summary.threshold |= r.threshold;
    summary.side += r.side;
    if (!r.output.empty()) {
      if (wrote_any) out.write(separator);
      out.write(r.output);
      wrote_any = true;
    }
    if (out.closed()) {
      summary.closed = true;
      break;
    }
  }
  {
    std::lock_guard lock(mu);
    stop = true;
  }
  queue_cv.notify_all();
  space_cv.notify_all();
  // A producer blocked reading a terminal or a pipe cannot be woken; after an interrupt the process exits
  // at once, so it is left behind rather than waited for.
  if (interrupted() && !producer_finished) {
    for (int k = 0; k < 20 && !producer_finished; ++k) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (producer_finished) producer.join();
    else producer.detach();
  } else {
    producer.join();
  }
  for (auto& t : threads) t.join();
  return summary;
}

}  // namespace tamga::app
