// The whole public API.
#pragma once
#include "tamga/decode.h"
#include "tamga/document.h"
#include "tamga/jsonl.h"
#include "tamga/langid.h"
#include "tamga/language.h"
#include "tamga/lexicon.h"
#include "tamga/normalize.h"
#include "tamga/output.h"
#include "tamga/scanner.h"
#include "tamga/status.h"
#include "tamga/technique.h"
#include "tamga/tokenize.h"
