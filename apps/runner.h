// Runs a per-document function over every input on several threads and writes the results in input
// order. Text files are one document each; JSON Lines inputs are read as a stream in batches of lines,
// so memory stays bounded by the batches in flight, not by the corpus.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common.h"
#include "progress.h"
#include "tamga/document.h"

namespace tamga::app {

struct DocumentOutcome {
  bool threshold = false;  // a --fail-above / --fail-on threshold was exceeded
  std::string side;        // a second output, gathered in order (baseline lines)
};

// Processes one document and appends its output; one instance per worker thread.
using DocumentFunction = std::function<DocumentOutcome(Document& doc, std::string& out)>;
using WorkerFactory = std::function<DocumentFunction()>;

struct RunSummary {
  bool had_errors = false;
  bool threshold = false;
  bool closed = false;  // the output pipe was closed
  bool interrupted = false;  // SIGINT or SIGTERM stopped the run before every document was printed
  std::string side;     // the documents' side outputs, in input order
};

// `separator` is written between the non-empty outputs of consecutive documents (JSON arrays).
// Documents outside `input.shard` are skipped; `progress` (optional) is told of every document and byte done.
RunSummary run_documents(const std::vector<InputItem>& inputs, const InputOptions& input, unsigned jobs,
                         const WorkerFactory& factory, Output& out, std::string_view separator = {},
                         Progress* progress = nullptr);

}  // namespace tamga::app
