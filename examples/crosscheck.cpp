// crosscheck: the command-line front end. Argument parsing and I/O only; every step is a
// library call (the same ones the tests make).
//
//   crosscheck report [--format text|json|markdown|html] PATH...   conflicts across the articles
//   crosscheck claims [--kind K] [--document D] [--subject S] PATH...   extracted claims, JSON Lines
//   crosscheck explain ID PATH... | explain ID --jsonl FILE   one conflict, slot or claim with its evidence
//   crosscheck reconcile FILE.jsonl|-                         reconcile claims from JSON Lines
//   --best vote|truth-discovery (report, reconcile, explain): how the best supported value is chosen
//   --sources (report, reconcile; text or markdown): the reliability of each source after the report
//
// Documents are read one at a time and their text is dropped once their claims are extracted
// (corpus_reader + strip_text), so memory grows with the claims, not with the text.
//
// Exit codes: 0 ran and found no conflict, 1 ran and found conflicts, 2 usage or input error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <crosscheck/crosscheck.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace fs = std::filesystem;

namespace {

constexpr int exit_clean = 0;
constexpr int exit_conflicts = 1;
constexpr int exit_error = 2;

struct common_options {
  std::string data_dir;
  std::vector<std::string> configs;
  bool strict = false;
  std::size_t max_file_bytes = crosscheck::load_options{}.max_file_bytes;
  std::string best = "vote";
  bool sources = false;
  std::string min_severity = "low";
  std::string timezone;
  std::string reference_date;
  unsigned jobs = 1;
  std::string color = "auto";
  bool progress = false, no_progress = false;
};

void add_common(CLI::App& cmd, common_options& o) {
  cmd.add_option("--data", o.data_dir,
                 "Folder of vocabulary files (events.yaml, places.yaml, ...); default: $CROSSCHECK_DATA, "
                 "then the installed or source data/");
  cmd.add_option("--config", o.configs,
                 "Extra YAML vocabulary merged over data/: events, places (the gazetteer), zones, source priors... "
                 "(repeatable: one file each time)")
      ->allow_extra_args(false);
  cmd.add_flag("--strict", o.strict, "Treat warnings (skipped files or lines) as errors: exit 2");
  cmd.add_option("--max-file-size", o.max_file_bytes, "Skip files larger than this many bytes (default 64 MiB)");
}

// Options of the commands that read articles.
void add_reading(CLI::App& cmd, common_options& o) {
  cmd.add_option("--timezone", o.timezone,
                 "UTC offset assumed for documents whose metadata give no zone: +09:00, -05:00, Z, or a zone name "
                 "from data/time.yaml (KST, BST, ...)");
  cmd.add_option("--reference-date", o.reference_date,
                 "Publication date (YYYY-MM-DD) assumed for documents without one, so that relative dates resolve");
  cmd.add_option("--jobs,-j", o.jobs, "Documents extracted in parallel (default 1; 0: one per hardware thread)");
  cmd.add_flag("--progress", o.progress, "Show progress on stderr even when it is not a terminal");
  cmd.add_flag("--no-progress", o.no_progress, "Never show progress (default: shown when stderr is a terminal)");
}

void add_best(CLI::App& cmd, common_options& o) {
  cmd.add_option("--best", o.best,
                 "How a conflict's best supported value is chosen: vote (source priors from data/sources.yaml, "
                 "attribution, precision; the default) or truth-discovery (source reliability learned from agreement "
                 "across all slots)")
      ->check(CLI::IsMember({"vote", "truth-discovery"}));
}

void add_output(CLI::App& cmd, common_options& o) {
  cmd.add_option("--color", o.color,
                 "Colour in the text report: auto (when stdout is a terminal and NO_COLOR is not set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

void add_report_options(CLI::App& cmd, common_options& o) {
  add_best(cmd, o);
  add_output(cmd, o);
  cmd.add_flag("--sources", o.sources,
               "After a text or Markdown report, list each source's reliability: its prior, and with "
               "--best truth-discovery what was learned (overall and per attribute)");
  cmd.add_option("--min-severity", o.min_severity,
                 "Show only conflicts of this severity or higher: low (all, the default), medium, high; the exit code "
                 "counts what is shown")
      ->check(CLI::IsMember({"low", "medium", "high"}));
}

bool use_color(const common_options& o) {
  if (o.color == "always") return true;
  if (o.color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

// The reliability table printed by --sources.
std::string sources_table(const crosscheck::truth_result& t, bool markdown) {
  std::string out = t.mode == crosscheck::best_value_mode::truth_discovery
                        ? "\nSource reliability learned by truth discovery (" + std::to_string(t.iterations) + " round(s))\n"
                        : std::string("\nSource reliability (priors from data/sources.yaml and --config)\n");
  if (markdown) out += "\n| source | prior | learned | claims | per attribute | likely copies |\n|---|---|---|---|---|---|\n";
  for (const auto& s : t.sources) {
    std::string per;
    for (const auto& [attribute, r] : s.by_attribute) per += fmt::format("{}{} {:.2f}", per.empty() ? "" : ", ", attribute, r);
    if (markdown)
      out += fmt::format("| {} | {:.2f} | {:.3f} | {} | {} | {} |\n", s.source, s.prior, s.reliability, s.claims, per, s.copies);
    else
      out += fmt::format("  {}: prior {:.2f}, learned {:.3f}, {} claim(s){}{}\n", s.source, s.prior, s.reliability, s.claims,
                         per.empty() ? "" : "; " + per, s.copies.empty() ? "" : "; likely copies " + s.copies);
  }
  return out;
}

// Where data/ is: --data, $CROSSCHECK_DATA, the installed copy, the source tree's.
fs::path find_data_dir(const common_options& o) {
  if (!o.data_dir.empty()) return o.data_dir;
  if (const char* env = std::getenv("CROSSCHECK_DATA"); env && *env) return env;
  for (const char* candidate : {CROSSCHECK_INSTALLED_DATA_DIR, CROSSCHECK_SOURCE_DATA_DIR}) {
    std::error_code ec;
    if (fs::is_regular_file(fs::path(candidate) / "events.yaml", ec)) return candidate;
  }
  return CROSSCHECK_SOURCE_DATA_DIR;
}

crosscheck::rule_set load_rules(const common_options& o) {
  crosscheck::rule_set rules = crosscheck::rule_set::load(find_data_dir(o));
  for (const auto& c : o.configs) {
    std::error_code ec;
    if (!fs::is_regular_file(c, ec))
      throw crosscheck::input_error({c, {}, {}, {}}, "no such file (--config takes a YAML vocabulary file)");
    rules.merge_file(c);
  }
  return rules;
}

// A usage error found after parsing: printed like CLI11's, exit 2.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// --timezone: "+09:00", "-0500", "Z", or a zone name from the vocabulary ("KST").
crosscheck::utc_offset parse_zone(const std::string& s, const crosscheck::rule_set& rules) {
  for (const auto& z : rules.zones)
    if (z.name == s) return z.offset;
  crosscheck::publication_time p;
  if (crosscheck::parse_publication_time("2000-01-01T00:00" + s, p) && p.offset) return *p.offset;
  throw usage_error(fmt::format("--timezone {}: not a UTC offset (write +09:00, -05:00 or Z) nor a zone name of "
                                "data/time.yaml (KST, BST, ...); IANA names such as Asia/Seoul are not known",
                                s));
}

// --reference-date: "2024-06-19".
crosscheck::date_value parse_reference_date(const std::string& s) {
  crosscheck::publication_time p;
  if (s.size() != 10 || !crosscheck::parse_publication_time(s, p) || !p.date)
    throw usage_error(fmt::format("--reference-date {}: not a date (write YYYY-MM-DD, e.g. 2024-06-19)", s));
  return *p.date;
}

std::size_t warnings(const std::vector<crosscheck::diagnostic>& diags) {
  return static_cast<std::size_t>(std::count_if(diags.begin(), diags.end(), [](const crosscheck::diagnostic& d) {
    return d.level != crosscheck::severity::note;
  }));
}

// Standard output is fully buffered when it is not a terminal (see main); std::cerr is tied to
// std::cout, which is flushed before each diagnostic, so a stream that takes both keeps the
// order of the run (a test holds it).
void print_diagnostics(const std::vector<crosscheck::diagnostic>& diags) {
  for (const auto& d : diags) std::cerr << "crosscheck: " << to_string(d) << '\n';
}

// Progress on stderr: documents, MB, MB/s and time left, at most four times a second.
class progress_meter {
 public:
  explicit progress_meter(bool on) : on_(on), start_(clock::now()), last_(start_) {}
  void update(const crosscheck::corpus_reader& r, bool final = false) {
    if (!on_) return;
    const auto now = clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double s = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(r.bytes_done()) / 1e6, total = static_cast<double>(r.total_bytes()) / 1e6;
    const double rate = s > 0 ? mb / s : 0;
    std::string eta = "-";
    if (final) eta = fmt::format("done in {:.1f} s", s);
    else if (rate > 0) eta = fmt::format("{:.0f} s left", (total - mb) / rate);
    std::fprintf(stderr, "\rcrosscheck: %zu/%zu documents, %.1f/%.1f MB, %.1f MB/s, %s   %s", r.files_done(), r.files(), mb,
                 total, rate, eta.c_str(), final ? "\n" : "");
    std::fflush(stderr);
  }

 private:
  using clock = std::chrono::steady_clock;
  bool on_;
  clock::time_point start_, last_;
};

// What the commands that read articles keep: documents (stripped of their text), claims and
// diagnostics.
struct run_data {
  std::vector<crosscheck::document> documents;  // not kept when claims go to a sink
  std::size_t documents_read = 0;
  std::vector<crosscheck::claim> claims;
  std::vector<crosscheck::diagnostic> diagnostics;
};

// The run's claims, slots and conflicts once the report is out: a million claims are millions of
// small allocations, and freeing them one by one took a tenth of a second or more. The process
// is about to exit, which returns the memory at once. Sanitizer builds free them as usual, so
// that leak checking still sees everything else.
void leave_to_exit(run_data&& data, crosscheck::reconciliation&& result) {
#if defined(__SANITIZE_ADDRESS__)
  static_cast<void>(data);
  static_cast<void>(result);
#else
  struct held {
    run_data data;
    crosscheck::reconciliation result;
  };
  static_cast<void>(new held{std::move(data), std::move(result)});  // never freed, on purpose
#endif
}

// Threads kept for the whole run. start() hands them work(0) .. work(n - 1) and returns at once;
// wait() returns when all n are done, rethrowing the first exception one of them threw. Until
// 2026-12 the CLI started new threads for each batch of 16 documents and read nothing while
// they ran, so that --jobs 2 took longer than --jobs 1 on 10,000 short articles.
class worker_pool {
 public:
  explicit worker_pool(unsigned threads) {
    for (unsigned t = 0; t < threads; ++t) threads_.emplace_back([this] { loop(); });
  }
  ~worker_pool() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
  }
  worker_pool(const worker_pool&) = delete;
  worker_pool& operator=(const worker_pool&) = delete;

  void start(std::size_t n, std::function<void(std::size_t)> work) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      work_ = std::move(work);
      n_ = n;
      next_ = 0;
      left_ = n;
    }
    wake_.notify_all();
  }
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return left_ == 0; });
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
  }

 private:
  void loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return stop_ || next_ < n_; });
      if (stop_) return;
      const std::size_t i = next_++;
      lock.unlock();
      std::exception_ptr failed;
      try {
        work_(i);  // start() replaces work_ only once every item of the last start() is done
      } catch (...) {
        failed = std::current_exception();
      }
      lock.lock();
      if (failed && !failure_) failure_ = failed;
      if (--left_ == 0) done_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::function<void(std::size_t)> work_;
  std::size_t n_ = 0, next_ = 0, left_ = 0;
  std::exception_ptr failure_;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

// Reads the documents one batch at a time, extracts their claims and drops their text. Claims
// go to `sink` when one is given (claims: printed and forgotten, and the documents are not
// kept either), else into data.claims.
// `render`, when given, runs right after each document's extraction, on the worker threads with
// --jobs: it turns the document's claims into the text `sink` then gets (on this thread, in
// document order), so that formatting runs in parallel too.
// Documents whose id fails `want` are read (their metadata is kept) but not extracted. Returns
// false when nothing could be read (after printing why).
// With --jobs N, N threads extract one batch while this thread reads the next batch and hands the
// last one's claims on.
// A document's claims and their rendered text: what render() fills and sink() gets.
using claims_step = std::function<void(std::vector<crosscheck::claim>&, std::string& text)>;
bool extract_all(const std::vector<std::string>& paths, const common_options& o, const crosscheck::rule_set& rules,
                 run_data& data, const std::function<bool(const std::string&)>& want = {}, const claims_step& sink = {},
                 const claims_step& render = {}) {
  crosscheck::load_options lo;
  lo.max_file_bytes = o.max_file_bytes;
  if (!o.reference_date.empty()) lo.reference_date = parse_reference_date(o.reference_date);
  if (!o.timezone.empty()) lo.default_zone = parse_zone(o.timezone, rules);
  const unsigned jobs = o.jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : o.jobs;
  const std::vector<fs::path> ps(paths.begin(), paths.end());
  crosscheck::corpus_reader reader(ps, lo);
  progress_meter meter(!o.no_progress && (o.progress || isatty(STDERR_FILENO)));
  const auto extractors = crosscheck::default_extractors(rules);
  const std::size_t batch_size = jobs == 1 ? 1 : std::size_t{16} * jobs;
  struct batch {
    std::vector<crosscheck::document> docs;
    std::vector<std::vector<crosscheck::claim>> claims;
    std::vector<std::string> rendered;
    std::vector<char> wanted;
  };
  batch buffers[2];  // declared before the pool: it outlives no work on them
  auto fill = [&](batch& b) {  // false once the reader has no more
    b.docs.clear();
    b.wanted.clear();
    bool more = true;
    for (crosscheck::document d; b.docs.size() < batch_size && (more = reader.next(d));) {
      b.wanted.push_back(!want || want(d.id));
      b.docs.push_back(std::move(d));
    }
    b.claims.resize(b.docs.size());
    b.rendered.resize(b.docs.size());
    for (auto& c : b.claims) c.clear();
    for (auto& r : b.rendered) r.clear();  // a document not wanted renders nothing
    return more;
  };
  auto work = [&](batch& b, std::size_t i) {
    if (!b.wanted[i]) return;
    crosscheck::prepare(b.docs[i], rules);
    extractors.extract(b.docs[i], b.claims[i]);
    if (render) render(b.claims[i], b.rendered[i]);
  };
  std::optional<worker_pool> pool;
  if (jobs > 1) pool.emplace(jobs);
  auto start = [&](batch& b) {
    if (pool) pool->start(b.docs.size(), [&work, &b](std::size_t i) { work(b, i); });
    else
      for (std::size_t i = 0; i < b.docs.size(); ++i) work(b, i);
  };
  auto hand_on = [&](batch& b) {
    data.documents_read += b.docs.size();
    for (std::size_t i = 0; i < b.docs.size(); ++i) {
      if (sink) {
        sink(b.claims[i], b.rendered[i]);
        continue;
      }
      crosscheck::strip_text(b.docs[i]);
      data.documents.push_back(std::move(b.docs[i]));
      std::move(b.claims[i].begin(), b.claims[i].end(), std::back_inserter(data.claims));
    }
    meter.update(reader);
  };
  std::size_t now = 0;
  bool more = fill(buffers[now]);
  start(buffers[now]);
  while (!buffers[now].docs.empty()) {
    batch& next = buffers[now ^ 1];
    if (more) more = fill(next);  // while the workers extract `now`
    else next.docs.clear();
    if (pool) pool->wait();
    if (!next.docs.empty()) start(next);
    hand_on(buffers[now]);  // while the workers extract `next`
    now ^= 1;
  }
  meter.update(reader, true);
  data.diagnostics = reader.diagnostics();
  print_diagnostics(data.diagnostics);
  if (data.documents_read == 0) {
    std::cerr << "crosscheck: error: no readable document in the given paths (see the warnings above)\n";
    return false;
  }
  return true;
}

// Claims read from a JSON Lines file, or "-" for stdin. Returns false after printing why.
bool read_jsonl(const std::string& jsonl, const crosscheck::rule_set& rules, run_data& data) {
  if (jsonl == "-") {
    data.claims = crosscheck::read_claims_jsonl(std::cin, "<stdin>", rules, data.diagnostics);
  } else {
    std::error_code ec;
    if (!fs::is_regular_file(jsonl, ec)) {
      std::cerr << "crosscheck: error: " << jsonl << ": no such file (give a .jsonl file, or - for stdin)\n";
      return false;
    }
    if (!std::ifstream(jsonl, std::ios::binary)) {
      std::cerr << "crosscheck: error: " << jsonl << ": cannot open the file for reading\n";
      return false;
    }
    data.claims = crosscheck::read_claims_jsonl_file(jsonl, rules, data.diagnostics);
  }
  print_diagnostics(data.diagnostics);
  if (data.claims.empty() && !data.diagnostics.empty()) {
    std::cerr << "crosscheck: error: no claim could be read from " << (jsonl == "-" ? "<stdin>" : jsonl)
              << " (see the warnings above)\n";
    return false;
  }
  return true;
}

std::string render(const std::string& format, const crosscheck::report_input& in, bool color) {
  if (format == "json") return crosscheck::to_json(in);
  if (format == "markdown") return crosscheck::to_markdown(in);
  if (format == "html") return crosscheck::to_html(in);
  return crosscheck::to_text(in, {color});
}

// --min-severity: drops the conflicts below it (ids are kept, so "C3" still names the same
// conflict) and says how many were hidden in a note.
void filter_severity(crosscheck::reconciliation& r, const std::string& min, std::vector<crosscheck::diagnostic>& diags) {
  crosscheck::conflict_severity floor = crosscheck::conflict_severity::low;
  if (min == "medium") floor = crosscheck::conflict_severity::medium;
  if (min == "high") floor = crosscheck::conflict_severity::high;
  const auto before = r.conflicts.size();
  std::erase_if(r.conflicts, [&](const crosscheck::conflict& c) { return c.sev < floor; });
  if (const auto hidden = before - r.conflicts.size()) {
    // Built field by field: g++ 12 -O3 warned (maybe-uninitialized) on the braced form.
    crosscheck::diagnostic d;
    d.level = crosscheck::severity::note;
    d.where.file = "--min-severity";
    d.message = fmt::format("{} conflict(s) below {} severity not shown", hidden, min);
    diags.push_back(std::move(d));
  }
}

// ---- explain ---------------------------------------------------------------------------------

struct marks {
  bool color = false;
  std::string bold(std::string_view s) const { return color ? fmt::format("\x1b[1m{}\x1b[0m", s) : std::string(s); }
  // The claim's words inside its sentence: underlined on a terminal, **between stars** in plain text.
  std::string words(std::string_view s) const {
    return color ? fmt::format("\x1b[1;4m{}\x1b[0m", s) : fmt::format("**{}**", s);
  }
};

// The sentence with the claim's words marked, found by their offset or, failing that, by search.
std::string marked_sentence(const crosscheck::claim& c, const marks& m) {
  const std::string s = c.ev.sentence.str();
  if (s.empty() || c.ev.text.empty()) return s.empty() ? m.words(c.ev.text) : s;
  std::size_t rel = c.ev.begin >= c.ev.sentence_begin ? c.ev.begin - c.ev.sentence_begin : s.size();
  if (rel + c.ev.text.size() > s.size() || s.compare(rel, c.ev.text.size(), c.ev.text) != 0) rel = s.find(c.ev.text);
  if (rel == std::string::npos) return s;
  return s.substr(0, rel) + m.words(c.ev.text) + s.substr(rel + c.ev.text.size());
}

// Which value group of a conflict a claim stands in, in words.
std::string group_of(const crosscheck::conflict& c, std::size_t claim) {
  for (std::size_t k = 0; k < c.values.size(); ++k)
    for (std::size_t i : c.values[k].claims)
      if (i == claim)
        return fmt::format("{}: conflicting value {} of {}, support {:.2f}", c.id, k + 1, c.values.size(), c.values[k].support);
  for (const auto& g : c.compatible)
    for (std::size_t i : g.claims)
      if (i == claim)
        return fmt::format("{}: conflicting with none of its values (value {}, support {:.2f})", c.id, g.value, g.support);
  return {};
}

std::string explain(const crosscheck::reconciliation& r, const std::vector<crosscheck::claim>& claims, std::size_t slot_index,
                    const crosscheck::conflict* only, const marks& m) {
  const crosscheck::slot& s = r.slots[slot_index];
  std::string out;
  std::vector<const crosscheck::conflict*> conflicts;
  for (const auto& c : r.conflicts)
    if (c.slot == slot_index && (!only || &c == only)) conflicts.push_back(&c);
  for (const auto* c : conflicts) {
    out += fmt::format("{} [{}] {}: {} (slot {})\n", m.bold(c->id), to_string(c->sev), to_string(c->cls),
                       crosscheck::describe_fact(s, claims), s.id);
    out += fmt::format("  {}\n", c->explanation);
    if (c->best.value.empty())
      out += fmt::format("  best supported: none ({})\n", c->best.reason);
    else
      out += fmt::format("  best supported: {} (confidence {:.2f}): {}\n", m.bold(c->best.value), c->best.confidence,
                         c->best.reason);
    out += "\n";
  }
  out += fmt::format("{} {}: {}\n", m.bold("slot " + s.id), to_string(s.kind), crosscheck::describe_fact(s, claims));
  out += fmt::format("  subject {}, attribute {}{}; {} claim(s){}\n", s.subject, s.attribute,
                     s.occasion.empty() ? "" : ", occasion " + s.occasion, s.claims.size(),
                     conflicts.empty() && !only ? ", no conflict" : "");
  for (std::size_t n = 0; n < s.claims.size(); ++n) {
    const crosscheck::claim& c = claims[s.claims[n]];
    out += fmt::format("\n  [{}] {}{}{}\n", n + 1, m.bold(to_string(c.val)),
                       c.mod == crosscheck::modality::reported ? "" : fmt::format(" ({})", to_string(c.mod)),
                       c.hdg == crosscheck::hedge::none ? "" : fmt::format(" (hedge: {})", to_string(c.hdg)));
    for (const auto* k : conflicts)
      if (auto g = group_of(*k, s.claims[n]); !g.empty()) out += fmt::format("      in {}\n", g);
    out += fmt::format("      claim:       {}\n", c.id);
    out += fmt::format("      source:      {} (document {})\n", crosscheck::outlet(c.ev), c.ev.document);
    out += fmt::format("      words:       \"{}\", bytes {}-{}{}\n", c.ev.text, c.ev.begin, c.ev.end,
                       c.ev.repeated ? " (in a repeated block)" : "");
    if (!c.ev.attribution.empty()) out += fmt::format("      attribution: {}\n", c.ev.attribution);
    if (!c.ev.sentence.empty())
      out += fmt::format("      sentence:    from byte {}\n        {}\n", c.ev.sentence_begin, marked_sentence(c, m));
    out += fmt::format("      subject:     {}{}\n", c.subject, c.subject_text.empty() ? "" : " (\"" + c.subject_text + "\")");
    if (!c.rule.empty()) out += fmt::format("      rule:        {}\n", c.rule);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  // Into a file or a pipe, standard output goes out in blocks of 1 MiB rather than the C
  // library's 4 KB: `crosscheck claims` writes about eight times its input as JSON Lines, and a
  // write call each 4 KB cost 10 % of its time on 10,000 short articles.
  // (glibc ignores the size when it is not given the buffer, hence the static one.)
  static char stdout_buffer[std::size_t{1} << 20];
  if (!isatty(STDOUT_FILENO)) std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
  CLI::App app{"crosscheck: find where news sources disagree, with the evidence quoted.\n"
               "Exit codes: 0 no conflict, 1 conflicts found, 2 usage or input error."};
  app.set_version_flag("--version", std::string(crosscheck::version_string));
  app.require_subcommand(1);

  common_options common;
  std::string format = "text";
  std::vector<std::string> paths;
  std::string jsonl;
  std::string kind, document, subject, id;

  auto* report = app.add_subcommand("report", "Print the conflicts found across articles (folders or files)");
  report->add_option("--format", format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
  report->add_option("paths", paths, "Folders (with an optional manifest.yaml) or .txt files")->required();
  add_common(*report, common);
  add_reading(*report, common);
  add_report_options(*report, common);

  auto* claims_cmd = app.add_subcommand("claims", "Print the extracted claims as JSON Lines, one claim a line");
  claims_cmd->add_option("paths", paths, "Folders or .txt files")->required();
  claims_cmd->add_option("--kind", kind,
                         "Only claims of this kind: time_of_day, date, duration, count, quantity, person_name, "
                         "person_role, article");
  claims_cmd->add_option("--document", document, "Only claims of this document (its id, the file name as reports show it)");
  claims_cmd->add_option("--subject", subject,
                         "Only claims whose subject starts with this (arrival:putin matches arrival:putin@pyongyang)");
  add_common(*claims_cmd, common);
  add_reading(*claims_cmd, common);

  auto* explain_cmd = app.add_subcommand(
      "explain", "Show one conflict (C1), slot (S4) or claim (file.txt#2) with every claim of its slot and the evidence");
  explain_cmd->add_option("id", id, "A conflict id (C1), a slot id (S4) or a claim id, as reports print them")->required();
  explain_cmd->add_option("paths", paths, "Folders or .txt files (the same as for the report)");
  explain_cmd->add_option("--jsonl", jsonl, "Read the claims from this JSON Lines file (- for stdin) instead of articles");
  add_common(*explain_cmd, common);
  add_reading(*explain_cmd, common);
  add_best(*explain_cmd, common);
  add_output(*explain_cmd, common);

  auto* reconcile_cmd = app.add_subcommand("reconcile", "Reconcile claims read from JSON Lines ('-' reads stdin)");
  reconcile_cmd->add_option("--format", format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
  reconcile_cmd->add_option("file", jsonl, "A .jsonl file of claims, or - for standard input")->required();
  add_common(*reconcile_cmd, common);
  add_report_options(*reconcile_cmd, common);

  try {
    app.parse(argc, argv);
    if (common.sources && (format == "json" || format == "html"))
      throw CLI::ValidationError("--sources", "needs --format text or markdown (the JSON and HTML reports are one document)");
    if (common.progress && common.no_progress)
      throw CLI::ValidationError("--progress", "and --no-progress cannot both be given");
    if (*explain_cmd && paths.empty() == jsonl.empty())
      throw CLI::ValidationError("explain", "give the articles (PATH...) or --jsonl FILE, not both and not neither");
    crosscheck::claim_kind k{};
    if (!kind.empty() && !crosscheck::parse_claim_kind(kind, k))
      throw CLI::ValidationError("--kind", kind + " is not a kind: time_of_day, date, duration, count, quantity, "
                                                  "person_name, person_role, article, text");
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_error;
  }

  try {
    const crosscheck::rule_set rules = load_rules(common);
    run_data data;
    const bool color = use_color(common);

    if (*claims_cmd) {
      crosscheck::claim_kind k{};
      if (!kind.empty()) crosscheck::parse_claim_kind(kind, k);  // checked above
      bool matched_document = document.empty();
      std::function<bool(const std::string&)> want;
      if (!document.empty())
        want = [&](const std::string& doc) {
          matched_document = matched_document || doc == document;
          return doc == document;
        };
      // A document's JSON Lines, formatted where it was extracted (on a worker with --jobs).
      auto to_lines = [&](std::vector<crosscheck::claim>& found, std::string& lines) {
        lines.clear();
        for (const auto& c : found) {
          if (!kind.empty() && c.kind != k) continue;
          if (!document.empty() && c.ev.document != document) continue;
          if (!subject.empty() && c.subject.compare(0, subject.size(), subject) != 0) continue;
          crosscheck::append_json_line(lines, c);
        }
        found.clear();
      };
      auto print = [&](std::vector<crosscheck::claim>&, std::string& lines) {
        std::cout.write(lines.data(), static_cast<std::streamsize>(lines.size()));
      };
      if (!extract_all(paths, common, rules, data, want, print, to_lines)) return exit_error;
      if (!matched_document) {
        std::cerr << "crosscheck: error: --document " << document
                  << ": no document has this id (ids are file names; list them with crosscheck report --format json "
                     "PATH..., documents[].id)\n";
        return exit_error;
      }
      if (common.strict && warnings(data.diagnostics)) {
        std::cerr << "crosscheck: error: " << warnings(data.diagnostics) << " warning(s) and --strict is set\n";
        return exit_error;
      }
      return exit_clean;
    }

    if (*reconcile_cmd || (*explain_cmd && !jsonl.empty())) {
      if (!read_jsonl(jsonl, rules, data)) return exit_error;
    } else if (!extract_all(paths, common, rules, data)) {
      return exit_error;
    }

    crosscheck::reconcile_options ro;
    crosscheck::parse_best_value_mode(common.best, ro.best);  // checked by CLI11 above
    crosscheck::reconciliation result = crosscheck::reconcile(data.claims, rules, ro);

    if (*explain_cmd) {
      const marks m{color};
      for (const auto& c : result.conflicts)
        if (c.id == id) {
          std::cout << explain(result, data.claims, c.slot, &c, m);
          return exit_clean;
        }
      for (std::size_t s = 0; s < result.slots.size(); ++s) {
        bool hit = result.slots[s].id == id;
        for (std::size_t i : result.slots[s].claims) hit = hit || data.claims[i].id == id;
        if (hit) {
          std::cout << explain(result, data.claims, s, nullptr, m);
          return exit_clean;
        }
      }
      std::cerr << fmt::format(
          "crosscheck: error: {}: no conflict, slot or claim has this id in this run ({} conflict(s), {} slot(s)); "
          "list them with `crosscheck report PATH...` (each conflict's header names it and its slot) or "
          "`crosscheck report --format json PATH...` (conflicts[].id, slots[].id, claims[].id)\n",
          id, result.conflicts.size(), result.slots.size());
      return exit_error;
    }

    filter_severity(result, common.min_severity, data.diagnostics);
    const crosscheck::report_input in{data.documents, data.claims, result, data.diagnostics};
    // json and text are streamed: a big report is never held whole.
    if (format == "json") crosscheck::write_json(std::cout, in);
    else if (format == "text") crosscheck::write_text(std::cout, in, {color});
    else std::cout << render(format, in, color);
    if (common.sources) {
      crosscheck::truth_options to;
      to.mode = ro.best;
      std::cout << sources_table(crosscheck::discover_truth(data.claims, result.slots, rules, to), format == "markdown");
    }
    if (common.strict && warnings(data.diagnostics)) {
      std::cerr << "crosscheck: error: " << warnings(data.diagnostics) << " warning(s) and --strict is set\n";
      return exit_error;
    }
    const int code = result.conflicts.empty() ? exit_clean : exit_conflicts;
    leave_to_exit(std::move(data), std::move(result));
    return code;
  } catch (const usage_error& e) {
    std::cerr << "crosscheck: error: " << e.what() << '\n';
    return exit_error;
  } catch (const crosscheck::error& e) {
    std::cerr << "crosscheck: error: " << e.what() << '\n';
    return exit_error;
  } catch (const std::exception& e) {
    std::cerr << "crosscheck: error: " << e.what() << '\n';
    return exit_error;
  }
}
