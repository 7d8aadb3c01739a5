// Internal: one pass over a document's sentences for every extractor that dates or measures
// events (times, dates, durations).
//
// Each sentence is tokenized and scanned for events once (event_context::scan) and its dates are
// read once (date_reader); then each part looks for its own values in it. A part is one kind of
// claim and lives in its own file (time.cpp, date.cpp, duration.cpp):
//
//   class my_part final : public event_part {
//     claim_kind kind() const noexcept override { return claim_kind::duration; }
//     void sentence(const sentence_input& in, std::vector<claim>& out) const override { ... }
//   };
//
// Sentences with no event trigger are skipped after the scan. "that day" in a sentence resolves
// against the last day-grain date read in an earlier sentence of the document.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "crosscheck/extract.hpp"
#include "extract/date_parse.hpp"
#include "extract/event_context.hpp"
#include "extract/token_pass.hpp"

namespace crosscheck::detail {

// What a part sees of one sentence that names an event.
struct sentence_input {
  const document& doc;
  std::string_view text;       // doc.normalized
  const event_context& events;
  event_scan& sc;              // the sentence's tokens, triggers, actors, places, sources
  const std::vector<date_mention>& dates;  // the sentence's dates, in order
};

class event_part {
 public:
  virtual ~event_part() = default;
  virtual claim_kind kind() const noexcept = 0;
  // Appends the claims of one sentence. Calls to events.attach() must come in token order.
  virtual void sentence(const sentence_input& in, std::vector<claim>& out) const = 0;
};

std::unique_ptr<event_part> make_time_part(const rule_set& rules, const event_context& events);
std::unique_ptr<event_part> make_date_part(const rule_set& rules);
std::unique_ptr<event_part> make_duration_part(const rule_set& rules);

// The first clock time in a short text ("2:07 PM EST", "after 2 am"), zone as written.
std::optional<clock_time> parse_time_text(const event_part& time_part, std::string_view raw);

struct event_pass_buffers;  // what the pass reads a document with (event_pass.cpp)

// An extractor made of parts, run in one pass. kind() is the first part's.
class event_pass final : public token_extractor {
 public:
  enum part_kind : unsigned { times = 1u, dates = 2u, durations = 4u };
  event_pass(const rule_set& rules, unsigned parts);  // rules must outlive it
  claim_kind kind() const noexcept override;
  void extract_with(const document& doc, const document_tokens* shared, std::vector<claim>& out) const override;
  const event_part* part(claim_kind k) const noexcept;
  const word_index* index() const noexcept override { return index_.get(); }

 private:
  // extract_with()'s work, with the thread's buffers (event_pass.cpp).
  void read(const document& doc, const document_tokens* shared, event_pass_buffers& buffers,
            std::vector<claim>& out) const;
  // Makes the sentence's last resolved day (of `found`, read from `toks`) the date in context,
  // as a sentence with no date claim leaves it; true when there is one.
  bool note_context(token_span toks, const std::vector<date_mention>& found, date_context& ctx) const;

  std::shared_ptr<const word_index> index_;  // the rules' (kept: they may be indexed again)
  event_context events_;
  date_reader dates_;
  std::vector<std::unique_ptr<event_part>> parts_;
};

}  // namespace crosscheck::detail
