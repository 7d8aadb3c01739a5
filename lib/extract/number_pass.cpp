// Internal: one pass for the number extractors. See number_pass.hpp.
#include "extract/number_pass.hpp"

#include <algorithm>

#include "text/fold.hpp"

namespace crosscheck::detail {

void fill_number_evidence(const number_input& in, std::size_t first, std::size_t last, claim& c, std::size_t begin) {
  const auto& toks = in.sc.toks();
  text_span words{toks[first].begin, toks[last - 1].end};
  if (begin != std::string::npos && begin < words.begin) words.begin = begin;
  event_context::fill_evidence(in.doc, in.sc, words, c);
  c.ev.attribution = in.events.attribution(in.text, in.sc, first, last, words.end);
}

std::string singular(std::string_view w) {
  const auto ends = [&](std::string_view s) { return w.size() > s.size() + 1 && w.substr(w.size() - s.size()) == s; };
  if (ends("ies")) return std::string(w.substr(0, w.size() - 3)) + "y";
  if (ends("sses") || ends("xes") || ends("ches") || ends("shes")) return std::string(w.substr(0, w.size() - 2));
  if (ends("s") && !ends("ss")) return std::string(w.substr(0, w.size() - 1));
  return std::string(w);
}

namespace {
bool only_letters_and_hyphens(std::string_view w) {
  for (char c : w)
    if (!is_ascii_alpha(c) && c != '-') return false;
  return true;
}
}  // namespace

int year_of_digits(const token& t) {
  const auto& w = t.lower;
  if (w.size() != 4) return 0;
  int y = 0;
  for (char c : w) {
    if (!is_ascii_digit(c)) return 0;
    y = y * 10 + (c - '0');
  }
  return y >= 1800 && y <= 2100 ? y : 0;
}

constexpr std::size_t memory_sentences = 3;  // "That treaty" refers to one named this many sentences back

document_words::document_words(const rule_set& rules) : rules_(rules) {
  for (std::size_t k = 0; k < rules.documents.kinds.size(); ++k)
    for (const auto& w : rules.documents.kinds[k].words) kinds_.set(w, k);
  current_.insert(rules.documents.current.begin(), rules.documents.current.end());
  function_words_.insert(rules.english.function_words.begin(), rules.english.function_words.end());
  function_words_.insert(rules.english.determiners.begin(), rules.english.determiners.end());
  bind_roles(rules.word_ids(), kinds_, current_, function_words_);
}

std::optional<document_ref> document_words::at(const number_input& in, std::size_t k) const {
  const auto& toks = in.sc.toks();
  const std::size_t* kind = kinds_.find(toks[k]);
  if (!kind) return std::nullopt;
  document_ref d;
  d.kind = rules_.documents.kinds[*kind].id;
  d.first = k;
  d.last = k + 1;
  int year = 0;
  bool current = false;
  // Modifiers before: "the 1961 treaty", "the new comprehensive strategic partnership treaty".
  for (std::size_t j = k; j > 0 && j + 5 > k; --j) {
    const token& t = toks[j - 1];
    if (const int y = year_of(t); y && t.end + 1 == toks[j].begin) {
      year = y;
      d.first = j - 1;
      break;
    }
    if (current_.contains(t)) {
      current = true;
      d.first = j - 1;
      continue;
    }
    // Only plain words right before it, with nothing but a space between: "the 1961 treaty", not
    // "1997 and. Agreements" or "in 2000, the agreement".
    if (!only_letters_and_hyphens(t.lower) || function_words_.contains(t)) break;
    bool spaced = true;
    for (std::size_t i = t.end; i < toks[j].begin; ++i) spaced = spaced && in.text[i] == ' ';
    if (!spaced) break;
  }
  // After: "resolution 2270", "the treaty of 1961".
  if (k + 1 < toks.size()) {
    const auto& next = toks[k + 1];
    if (d.kind != "treaty" && !next.lower.empty() && is_ascii_digit(next.lower.front()) && next.lower.size() <= 6) {
      bool digits = true;
      for (char c : next.lower) digits = digits && is_ascii_digit(c);
      if (digits) {
        d.key = d.kind + ":" + std::string(next.lower);
        d.last = k + 2;
        d.explicit_year = true;
        return d;
      }
    }
    if (!year && next.lower == "of" && k + 2 < toks.size())
      if (const int y = year_of(toks[k + 2])) {
        year = y;
        d.last = k + 3;
      }
  }
  if (year) {
    d.key = d.kind + ":" + std::to_string(year);
    d.explicit_year = true;
    return d;
  }
  const auto& mem = in.memory;
  if (!current && !mem.document.empty() && mem.document_kind == d.kind && in.memory.current - mem.sentence <= memory_sentences) {
    d.key = mem.document;
    return d;
  }
  if (in.doc.published.date) {
    d.key = d.kind + ":" + std::to_string(in.doc.published.date->year);
  } else {
    d.key = d.kind;
  }
  return d;
}

void document_words::remember(const number_input& in, const document_ref& d) {
  in.memory.document = d.key;
  in.memory.document_kind = d.kind;
  in.memory.sentence = in.memory.current;
}

number_pass::number_pass(const rule_set& rules, unsigned parts)
    : index_(rules.shared_word_ids()), events_(rules), reader_(rules) {
  if (parts & articles) parts_.push_back(make_article_part(rules));
  if (parts & agreements) parts_.push_back(make_agreement_part(rules));
  if (parts & counts) parts_.push_back(make_count_part(rules));
  if (parts & quantities) parts_.push_back(make_quantity_part(rules));
  for (const auto& p : parts_)
    for (const auto& w : p->cue_words()) cues_.insert(w);
  year_after_.insert(rules.dates.year_after.begin(), rules.dates.year_after.end());
  bind_roles(index_.get(), cues_, year_after_);
}

claim_kind number_pass::kind() const noexcept {
  return parts_.empty() ? claim_kind::count : parts_.front()->kind();
}

void number_pass::extract_with(const document& doc, const document_tokens* shared, std::vector<claim>& out) const {
  const std::string_view t = doc.normalized;
  number_memory memory;
  event_scan sc;
  token_list buffer;  // the sentence's tokens, when none are shared
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    memory.current = s;
    sc.use(doc.sentences[s], tokens_of(doc, s, shared, buffer, index_.get()));
    // Worth reading: a token that may start a number, or a part's cue word. The first token that
    // may start a number is where reading them begins.
    const auto& toks = sc.toks();
    std::size_t first_number = 0;
    bool cue = false;
    while (first_number < toks.size() && !reader_.may_start(toks[first_number])) {
      cue = cue || cues_.contains(toks[first_number]);
      ++first_number;
    }
    if (first_number == toks.size() && !cue) continue;
    sc.triggers.clear();
    sc.actors.clear();
    sc.modalities.clear();
    sc.places_read = false;
    const auto numbers = reader_.read_all(toks, first_number);
    std::string year;  // a year is a number: none when none was read
    for (std::size_t k = std::max<std::size_t>(first_number, 1); k < toks.size() && year.empty() && !numbers.empty(); ++k)
      if (year_of(toks[k]) && year_after_.contains(toks[k - 1])) year = toks[k].lower;
    const number_input in{doc, t, events_, sc, numbers, reader_, memory, std::move(year)};
    for (const auto& p : parts_) p->sentence(in, out);
  }
}

}  // namespace crosscheck::detail

namespace crosscheck {

std::unique_ptr<extractor> make_count_extractor(const rule_set& rules) {
  return std::make_unique<detail::number_pass>(rules, detail::number_pass::counts);
}
std::unique_ptr<extractor> make_quantity_extractor(const rule_set& rules) {
  return std::make_unique<detail::number_pass>(rules, detail::number_pass::quantities);
}
std::unique_ptr<extractor> make_article_extractor(const rule_set& rules) {
  return std::make_unique<detail::number_pass>(rules, detail::number_pass::articles);
}
std::unique_ptr<extractor> make_agreement_extractor(const rule_set& rules) {
  return std::make_unique<detail::number_pass>(rules, detail::number_pass::agreements);
}
std::unique_ptr<extractor> make_number_extractor(const rule_set& rules) {
  return std::make_unique<detail::number_pass>(rules, detail::number_pass::articles | detail::number_pass::agreements |
                                                          detail::number_pass::counts | detail::number_pass::quantities);
}

}  // namespace crosscheck
