// Internal: one pass for the event extractors. See event_pass.hpp.
#include "extract/event_pass.hpp"

namespace crosscheck::detail {

event_pass::event_pass(const rule_set& rules, unsigned parts)
    : index_(rules.shared_word_ids()), events_(rules), dates_(rules) {
  if (parts & times) parts_.push_back(make_time_part(rules, events_));
  if (parts & dates) parts_.push_back(make_date_part(rules));
  if (parts & durations) parts_.push_back(make_duration_part(rules));
}

claim_kind event_pass::kind() const noexcept {
  return parts_.empty() ? claim_kind::time_of_day : parts_.front()->kind();
}

const event_part* event_pass::part(claim_kind k) const noexcept {
  for (const auto& p : parts_)
    if (p->kind() == k) return p.get();
  return nullptr;
}

// What the pass reads a document with, kept from sentence to sentence and from document to
// document on a thread, so that a document allocates nothing for them once they have grown.
struct event_pass_buffers {
  event_memory memory;
  event_scan sc;
  token_list buffer;  // the sentence's tokens, when none are shared
  std::vector<date_mention> found;
  std::vector<token> date_scratch;
  // The sentences whose dates were passed over (their triggers have no actor) since the last one
  // that set the date in context, and the buffers their dates are read into when it is asked for.
  std::vector<std::size_t> pending;
  std::vector<date_mention> pending_found;
  std::vector<token> pending_scratch;
};

namespace {

// Buffers this large (a document with very many titles) are freed rather than kept for the
// thread's lifetime.
constexpr std::size_t max_kept_titles = 4096;

// The thread's buffers, empty while a document of the thread holds them: a second pass at the
// same time on the thread (an extractor inside another's callback) gets fresh ones.
std::unique_ptr<event_pass_buffers>& kept_buffers() {
  thread_local std::unique_ptr<event_pass_buffers> kept;
  return kept;
}

}  // namespace

void event_pass::extract_with(const document& doc, const document_tokens* shared, std::vector<claim>& out) const {
  std::unique_ptr<event_pass_buffers> held = std::move(kept_buffers());
  if (!held) held = std::make_unique<event_pass_buffers>();
  read(doc, shared, *held, out);
  // Emptied now, so that the texts the scan shares (subjects, attributions) are not kept alive
  // until the thread's next document.
  held->memory.reset();
  held->sc.reset();
  if (held->memory.title_mentions.capacity() <= max_kept_titles) kept_buffers() = std::move(held);
}

namespace {

// Whether some trigger of the scanned sentence has an actor. With none, no part makes a claim
// (attach() and every part's own trigger choice want an actor).
bool any_actor(const event_scan& sc) {
  for (const auto& a : sc.actors)
    if (a) return true;
  return false;
}

}  // namespace

void event_pass::read(const document& doc, const document_tokens* shared, event_pass_buffers& b,
                      std::vector<claim>& out) const {
  const std::string_view t = doc.normalized;
  event_memory& memory = b.memory;
  event_scan& sc = b.sc;
  sc.texts = evidence_texts::of(doc);  // in an extractor_set: claims' texts from the document's pool
  token_list& buffer = b.buffer;
  std::vector<date_mention>& found = b.found;
  std::vector<token>& date_scratch = b.date_scratch;
  date_context ctx{doc.published.date, {}};
  // With the document's tokens shared, the titles of earlier sentences are read back when a
  // lookup needs them. Run alone, the pass would have to tokenize those sentences again, which
  // costs more than noting every sentence's titles as it is scanned.
  const bool tokens_kept = shared && shared->index() == index_.get();
  if (tokens_kept) memory.read_titles_from(doc, shared, index_.get());
  // A sentence whose triggers have no actor makes no claim: its dates count only as the date
  // in context ("that day") of a later sentence, and most documents never ask for it. With the
  // document's tokens kept, such a sentence's dates are read only when a later one does ask
  // (settle(), through ctx.source); run alone, its tokens are gone by then, and they are read
  // at once.
  b.pending.clear();
  struct pending_dates final : context_source {
    const event_pass& pass;
    const document& doc;
    const document_tokens& tokens;
    event_pass_buffers& b;
    date_context& ctx;
    pending_dates(const event_pass& p, const document& d, const document_tokens& k, event_pass_buffers& bf,
                  date_context& c)
        : pass(p), doc(d), tokens(k), b(bf), ctx(c) {}
    std::optional<date_value> settle() const override {
      for (const std::size_t s : b.pending) {
        // In order, each with the date in context as it stood when it was passed over.
        const date_context at_the_time{ctx.published, ctx.in_context};
        pass.dates_.read_tokenized(doc.normalized, tokens[s], at_the_time, tokens.summary(s).any_digit,
                                   b.pending_found, b.pending_scratch);
        pass.note_context(tokens[s], b.pending_found, ctx);
      }
      b.pending.clear();
      return ctx.in_context;
    }
  };
  std::optional<pending_dates> waiting;
  if (tokens_kept) ctx.source = &waiting.emplace(*this, doc, *shared, b, ctx);
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    memory.current = s;
    const sentence_tokens st = sentence_tokens_of(doc, s, shared, buffer, index_.get());
    // Two sentences in three have no word a trigger starts with: with the titles read on lookup
    // (scan() notes them otherwise), such a sentence costs this one test.
    if (tokens_kept && !events_.may_hold_trigger(st.summary.roles)) continue;
    sc.use(doc.sentences[s], st.toks, st.summary);
    if (!events_.scan(t, memory, sc)) continue;
    // A sentence with no digit, hyphen, month, weekday or other date word holds no date (scan()
    // has ORed its tokens' bits): the reader is not called.
    const bool may_hold = dates_.may_hold(sc.roles, sc.digits, sc.hyphens);
    if (!any_actor(sc)) {
      if (!may_hold) continue;
      if (tokens_kept) {
        b.pending.push_back(s);
      } else {
        dates_.read_tokenized(t, sc.toks(), ctx, sc.digits, found, date_scratch);
        note_context(sc.toks(), found, ctx);
      }
      continue;
    }
    if (may_hold)
      dates_.read_tokenized(t, sc.toks(), ctx, sc.digits, found, date_scratch);
    else
      found.clear();
    const sentence_input in{doc, t, events_, sc, found};
    const std::size_t before = out.size();
    for (const auto& p : parts_) {
      sc.triggers_before = 0;  // each part asks attach() in its own token order
      p->sentence(in, out);
    }
    // "that day" is the last day an event of the text was dated to: a date that dated nothing
    // (a date line, "a week after the June 12 celebrations") is not it.
    bool dated = false;
    for (std::size_t i = out.size(); i > before && !dated; --i)
      if (const auto* d = std::get_if<date_value>(&out[i - 1].val); d && d->g == date_value::grain::day) {
        ctx.in_context = *d;
        dated = true;
      }
    // What the sentences passed over before it would have left is then replaced.
    if (dated || note_context(sc.toks(), found, ctx)) b.pending.clear();
  }
}

// With no date claim ("The summit opened on June 19."), the sentence's last resolved day stands
// in, unless it follows an offset word ("a week after the June 12 celebrations"). True when one
// did.
bool event_pass::note_context(token_span toks, const std::vector<date_mention>& found,
                              date_context& ctx) const {
  bool noted = false;
  for (const auto& m : found)
    if (m.value && m.value->g == date_value::grain::day && !events_.after_offset(toks, m.first)) {
      ctx.in_context = m.value;
      noted = true;
    }
  return noted;
}

}  // namespace crosscheck::detail

namespace crosscheck {

std::unique_ptr<extractor> make_time_extractor(const rule_set& rules) {
  return std::make_unique<detail::event_pass>(rules, detail::event_pass::times);
}
std::unique_ptr<extractor> make_date_extractor(const rule_set& rules) {
  return std::make_unique<detail::event_pass>(rules, detail::event_pass::dates);
}
std::unique_ptr<extractor> make_duration_extractor(const rule_set& rules) {
  return std::make_unique<detail::event_pass>(rules, detail::event_pass::durations);
}
std::unique_ptr<extractor> make_event_extractor(const rule_set& rules) {
  return std::make_unique<detail::event_pass>(
      rules, detail::event_pass::times | detail::event_pass::dates | detail::event_pass::durations);
}

}  // namespace crosscheck
