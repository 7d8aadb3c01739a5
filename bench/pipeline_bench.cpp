// Throughput of the pipeline's stages on the sample corpus, and reconciliation cost as the
// number of claims grows. Run: build/release/bench/crosscheck_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <crosscheck/crosscheck.hpp>

#include <fmt/format.h>

#include <random>

#include "extract/date_parse.hpp"
#include "extract/lexical.hpp"
#include "extract/token_pass.hpp"

namespace {

const crosscheck::rule_set& rules() {
  static const crosscheck::rule_set r = crosscheck::rule_set::load(CROSSCHECK_DATA_DIR);
  return r;
}

const std::vector<crosscheck::document>& samples() {
  static const std::vector<crosscheck::document> docs =
      crosscheck::load_corpus({std::string(CROSSCHECK_DATA_DIR) + "/samples"}).documents;
  return docs;
}

// The bytes of the documents' bodies (what a benchmark counts as processed).
std::size_t body_bytes(const std::vector<crosscheck::document>& docs) {
  std::size_t n = 0;
  for (const auto& d : docs) n += d.text.size() - d.body_begin;
  return n;
}
std::size_t total_bytes() { return body_bytes(samples()); }

// normalize + segment.
void BM_prepare(benchmark::State& state) {
  for (auto _ : state) {
    for (auto d : samples()) {
      crosscheck::prepare(d, rules());
      benchmark::DoNotOptimize(d.sentences.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_prepare);

// One extractor over the prepared samples, claims and all.
void run_extractor(benchmark::State& state, const crosscheck::extractor& ex) {
  std::vector<crosscheck::document> docs = samples();
  for (auto& d : docs) crosscheck::prepare(d, rules());
  std::vector<crosscheck::claim> out;
  for (auto _ : state) {
    out.clear();
    for (const auto& d : docs) ex.extract(d, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes()));
}

// The time extractor alone (its event scan and the sentences' dates included).
void BM_extract_time(benchmark::State& state) { run_extractor(state, *crosscheck::make_time_extractor(rules())); }
BENCHMARK(BM_extract_time);

// The temporal extractors (times, dates, durations) in their shared pass, on prepared documents:
// what issue 3's 100 MB/s target is about.
void BM_extract_temporal(benchmark::State& state) { run_extractor(state, *crosscheck::make_event_extractor(rules())); }
BENCHMARK(BM_extract_temporal);

// The person extractor (names, roles, delegation lists) on prepared documents.
void BM_extract_people(benchmark::State& state) { run_extractor(state, *crosscheck::make_person_extractor(rules())); }
BENCHMARK(BM_extract_people);
// The number extractors (counts, quantities, articles, agreement years) in their shared pass,
// and each alone: most sentences have no number and are dropped after tokenizing.
void BM_extract_numbers(benchmark::State& state) { run_extractor(state, *crosscheck::make_number_extractor(rules())); }
BENCHMARK(BM_extract_numbers);
void BM_extract_count(benchmark::State& state) { run_extractor(state, *crosscheck::make_count_extractor(rules())); }
BENCHMARK(BM_extract_count);
void BM_extract_quantity(benchmark::State& state) { run_extractor(state, *crosscheck::make_quantity_extractor(rules())); }
BENCHMARK(BM_extract_quantity);
void BM_extract_article(benchmark::State& state) { run_extractor(state, *crosscheck::make_article_extractor(rules())); }
BENCHMARK(BM_extract_article);

// The date reader over every sentence of the prepared samples (tokenizing included).
void BM_read_dates(benchmark::State& state) {
  std::vector<crosscheck::document> docs = samples();
  for (auto& d : docs) crosscheck::prepare(d, rules());
  const crosscheck::detail::date_reader reader(rules());
  std::size_t found = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      const crosscheck::detail::date_context ctx{d.published.date, std::nullopt};
      for (const auto& s : d.sentences) {
        const auto toks = crosscheck::detail::tokenize(d.normalized, s.normalized.begin, s.normalized.end);
        found += reader.read(d.normalized, toks, ctx).size();
      }
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_read_dates);

// Tokenizing alone (each word looked up in the vocabulary's index, as the passes need): the floor
// under every extractor.
void BM_tokenize(benchmark::State& state) {
  std::vector<crosscheck::document> docs = samples();
  for (auto& d : docs) crosscheck::prepare(d, rules());
  std::size_t n = 0;
  for (auto _ : state) {
    for (const auto& d : docs)
      for (const auto& s : d.sentences) n += crosscheck::detail::tokenize(d.normalized, s.normalized.begin, s.normalized.end, rules().word_ids()).size();
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_tokenize);

// Tokenizing as an extractor_set does it: all sentences of a document at once, into buffers
// that the thread reuses from one document to the next (token_pass.hpp).
void BM_document_tokens(benchmark::State& state) {
  std::vector<crosscheck::document> docs = samples();
  for (auto& d : docs) crosscheck::prepare(d, rules());
  std::size_t n = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      const crosscheck::detail::document_tokens toks(d, rules().word_ids());
      for (std::size_t s = 0; s < d.sentences.size(); ++s) n += toks[s].size();
    }
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_document_tokens);

// prepare + every extractor: the per-document work of `crosscheck claims`. With threads, each
// thread runs the whole pipeline over its own copies of the documents with one shared
// extractor_set (extractors are immutable: extract.hpp); bytes are counted per thread, so that
// MB/s is per core and the sum over threads is the machine's.
const crosscheck::extractor_set& shared_extractors() {
  static const crosscheck::extractor_set set = crosscheck::default_extractors(rules());
  return set;
}
// Each iteration copies every document of `source` into a document kept from the iteration
// before (copy-assignment: the text's bytes are copied into its string, and the buffers that
// prepare() fills, emptied by the copy, keep their capacity), prepares it and extracts its
// claims, after destroying the claims of the iteration before (out.clear(): claims are destroyed
// in any use of the library, so that cost stays in). What is timed is prepare + extract + claim
// destruction + a memcpy of the texts (22 KB for the samples); no allocation for the documents'
// buffers once the first iteration has made them, as a caller that reuses its documents (a
// streaming reader) would see.
void run_pipeline(benchmark::State& state, const std::vector<crosscheck::document>& source) {
  const auto& extractors = shared_extractors();
  std::vector<crosscheck::claim> out;
  std::vector<crosscheck::document> docs(source.size());
  for (auto _ : state) {
    out.clear();
    for (std::size_t i = 0; i < docs.size(); ++i) {
      docs[i] = source[i];
      crosscheck::prepare(docs[i], rules());
      extractors.extract(docs[i], out);
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * body_bytes(source)));
}
void BM_pipeline(benchmark::State& state) { run_pipeline(state, samples()); }
BENCHMARK(BM_pipeline);
BENCHMARK(BM_pipeline)->Threads(2)->UseRealTime();

// BM_pipeline as it was up to round 7: a fresh copy of each sample every iteration, destroyed
// after its claims are extracted, as `crosscheck claims` reads each file into a new document.
// On top of BM_pipeline it times the copy's allocations (id, source, text...), prepare()'s
// allocation of the normalized text, offset map, paragraphs and sentences, and the document's
// destruction (freeing the large buffers makes glibc consolidate the small blocks the last
// claims freed).
// The claims' destruction, out of line so that a profile can time it alone (callgrind's
// --toggle-collect='*destroy_claims*'): every use of the library pays it.
[[gnu::noinline]] void destroy_claims(std::vector<crosscheck::claim>& out) { out.clear(); }

void BM_pipeline_fresh(benchmark::State& state) {
  const auto& extractors = shared_extractors();
  std::vector<crosscheck::claim> out;
  for (auto _ : state) {
    destroy_claims(out);
    for (auto d : samples()) {
      crosscheck::prepare(d, rules());
      extractors.extract(d, out);
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * total_bytes()));
}
BENCHMARK(BM_pipeline_fresh);

// BM_pipeline on short documents: each paragraph of the samples' bodies as a document of its
// own (136 of about 165 bytes; same outlet and publication time), as a wire brief or a live
// blog's entry is. Same bytes, 27 times the documents: what it loses against BM_pipeline is
// the cost of a document that does not depend on its length (setting up each pass, its
// buffers and memories), which a corpus of short items pays for every few hundred bytes.
const std::vector<crosscheck::document>& short_samples() {
  static const std::vector<crosscheck::document> docs = [] {
    std::vector<crosscheck::document> out;
    for (const auto& d : samples()) {
      const std::string_view body = std::string_view(d.text).substr(d.body_begin);
      for (std::size_t at = 0; at < body.size();) {
        std::size_t end = body.find("\n\n", at);
        if (end == std::string_view::npos) end = body.size();
        if (end > at) {
          crosscheck::document x;
          x.id = fmt::format("{}#p{}", d.id, out.size());
          x.source = d.source;
          x.published = d.published;
          x.text = std::string(body.substr(at, end - at));
          out.push_back(std::move(x));
        }
        at = end + 2;
      }
    }
    return out;
  }();
  return docs;
}
void BM_pipeline_short(benchmark::State& state) {
  run_pipeline(state, short_samples());
  state.counters["documents"] = static_cast<double>(short_samples().size());
}
BENCHMARK(BM_pipeline_short);

// Reconciliation of N synthetic time claims over N/20 events: grows about linearly.
void BM_reconcile(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  std::mt19937 rng(7);
  std::vector<crosscheck::claim> claims(n);
  const std::vector<std::string> places{"", "@pyongyang", "@hanoi", "@moscow"};
  for (std::size_t i = 0; i < n; ++i) {
    auto& c = claims[i];
    // fmt, not "literal" + std::string: g++ 12 -O3 warns (falsely) on the latter.
    c.id = fmt::format("d{}#{}", i / 10, i % 10);
    c.kind = crosscheck::claim_kind::time_of_day;
    c.subject = fmt::format("arrival:actor{}{}", rng() % (n / 20 + 1), places[rng() % places.size()]);
    c.attribute = "time";
    c.val = crosscheck::clock_time::at(static_cast<int>(rng() % 3), static_cast<int>(rng() % 60), crosscheck::utc_offset{540});
    c.ev.document = fmt::format("d{}", i / 10);
    c.ev.source = fmt::format("outlet{}", rng() % 40);
    c.ev.sentence = fmt::format("sentence {}", i);
  }
  for (auto _ : state) {
    auto r = crosscheck::reconcile(claims, rules());
    benchmark::DoNotOptimize(r.conflicts.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * n));
  state.SetComplexityN(static_cast<std::int64_t>(n));
}
BENCHMARK(BM_reconcile)->RangeMultiplier(10)->Range(1000, 100000)->Unit(benchmark::kMillisecond)->Complexity();

}  // namespace

BENCHMARK_MAIN();
