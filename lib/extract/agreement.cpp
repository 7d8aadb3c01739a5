// Agreements and their years: "previous agreements from 1961, 2000 and 2001", "a 1961 treaty
// ... scrapped in 1996", "a treaty signed with Russia in 2000", "the 2000 cooperation agreement".
//
// The claims are dates of year grain (kind date) about a document, keyed "<kind>:<year>"
// (number_pass.hpp's document_words: "treaty:1961"), with what happened to it as the attribute:
//   agreement.year    "the 1961 treaty", "the treaty of 1961", "agreements from 1961, 2000 and
//                     2001", "declarations signed in 2000 and 2001", "In 2000, the two countries
//                     signed a new cooperation agreement" (signed right before the document, the
//                     year the sentence opens with): each year names an agreement of that year
//                     -> subject "treaty:<year>", attribute "signed", value the year.
//   agreement.status  a status word (documents.statuses: signed, ratified, in_force, ended) after
//                     the document and "in <year>" after it: "The treaty ... was scrapped in 1996"
//                     -> subject the document ("treaty:1961", the one the text named last when
//                     this one has no year), attribute the status id ("ended"), value 1996.
// "signed in <year>" names the agreement of that year (agreement.year). A year after a
// status word that is not right after "in" (or a list of them) gives nothing, and so does a
// document with no year written and none remembered.
// Cost: linear in the tokens of sentences with a number.
#include "extract/number_pass.hpp"
#include "text/fold.hpp"

namespace crosscheck {
namespace {

using detail::document_ref;
using detail::token;
using detail::token_span;

constexpr std::size_t max_status_reach = 10;  // from the document's word to "scrapped"
constexpr std::size_t max_in_reach = 4;       // from "signed" to "in 2000" ("signed with Russia in 2000")

class agreement_part final : public detail::number_part {
 public:
  explicit agreement_part(const rule_set& rules) : rules_(rules), documents_(rules) {
    const auto& st = rules.documents.statuses;
    for (std::size_t s = 0; s < st.size(); ++s) {
      for (const auto& w : st[s].words) statuses_.add(w, static_cast<int>(s));
      status_ids_.emplace_back(st[s].id);
    }
    detail::bind_roles(rules.word_ids(), statuses_);
  }

  claim_kind kind() const noexcept override { return claim_kind::date; }

  void sentence(const detail::number_input& in, std::vector<claim>& out) const override {
    const auto& toks = in.sc.toks();
    // A year is a number: with none read, there is none. Every claim is about a document: with
    // no kind word among the sentence's roles, there is none.
    if (in.numbers.empty() || !documents_.may_name(in.roles)) return;
    bool has_year = false;
    for (const std::size_t k : in.cores) has_year = has_year || detail::year_of(toks[k]);
    if (!has_year) return;
    for (std::size_t k = 0; k < toks.size(); ++k) {
      if (!documents_.is_kind(toks[k])) continue;
      const auto d = documents_.at(in, k);
      if (!d) continue;
      std::size_t next = d->last;
      if (d->kind == "treaty" && d->explicit_year && d->first < k) {
        year_claim(in, *d, d->first, signed_, year_rule_, out);  // "the 1961 treaty"
      } else if (d->explicit_year && d->last > k + 1 && detail::year_of(toks[d->last - 1])) {
        year_claim(in, *d, d->last - 1, signed_, year_rule_, out);  // "the treaty of 1961"
      }
      // "In 2000, the two countries also signed a new cooperation agreement": signed just before
      // the document, in the year the sentence opens with.
      if (!d->explicit_year && !in.year.empty() && signed_before(toks, d->first)) {
        for (std::size_t y = 0; y < d->first; ++y)
          if (toks[y].lower == in.year && detail::year_of(toks[y])) {
            document_ref dated = *d;
            dated.key.assign(d->kind).append(1, ':').append(in.year);
            dated.explicit_year = true;
            year_claim(in, dated, y, signed_, year_rule_, out);
            detail::document_words::remember(in, dated);
            break;
          }
        continue;
      }
      // "agreements from 1961, 2000 and 2001".
      if (next + 1 < toks.size() && toks[next].lower == "from" && detail::year_of(toks[next + 1])) {
        next = years_list(in, *d, next + 1, signed_, true, out);
      } else {
        next = status(in, *d, next, out);
      }
      k = std::max(k, next) ;
      detail::document_words::remember(in, *d);
    }
  }

 private:
  void year_claim(const detail::number_input& in, const document_ref& d, std::size_t tok, const shared_string& attribute,
                  const shared_string& rule, std::vector<claim>& out) const {
    const auto& toks = in.sc.toks();
    const int y = detail::year_of(toks[tok]);
    claim c;
    c.kind = claim_kind::date;
    c.subject = d.key;
    // No subject_text: reports name the document by its key ("the treaty of 1961").
    c.attribute = attribute;
    c.val = date_value::of_year(y);
    c.rule = rule;
    detail::fill_number_evidence(in, tok, tok + 1, c);
    out.push_back(std::move(c));
  }

  // Years in a list from toks[k]: "1961, 2000 and 2001". Each names its own agreement when
  // `own` is set; else they are dates of `d`. Returns the token after the list.
  std::size_t years_list(const detail::number_input& in, const document_ref& d, std::size_t k,
                         const shared_string& attribute, bool own, std::vector<claim>& out) const {
    const auto& toks = in.sc.toks();
    while (k < toks.size() && detail::year_of(toks[k])) {
      document_ref each = d;
      if (own) {
        each.key.assign(d.kind).append(1, ':').append(toks[k].lower);
        each.explicit_year = true;
      }
      year_claim(in, each, k, attribute, own ? year_rule_ : status_rule_, out);
      ++k;
      if (k + 1 < toks.size() && (toks[k].lower == "and" || toks[k].lower == "or") && detail::year_of(toks[k + 1])) ++k;
    }
    return k;
  }

  // A "signed" status word within a few words before toks[first] ("signed a new cooperation").
  bool signed_before(token_span toks, std::size_t first) const {
    for (std::size_t k = first > max_in_reach ? first - max_in_reach : 0; k < first; ++k)
      if (const auto m = statuses_.longest_at(toks, k);
          m.length && rules_.documents.statuses[static_cast<std::size_t>(m.payload)].id == "signed")
        return true;
    return false;
  }

  // "... was scrapped in 1996", "signed with Russia in 2000".
  std::size_t status(const detail::number_input& in, const document_ref& d, std::size_t from, std::vector<claim>& out) const {
    const auto& toks = in.sc.toks();
    for (std::size_t k = from; k < toks.size() && k < from + max_status_reach; ++k) {
      if (documents_.is_kind(toks[k])) break;  // another document
      const auto m = statuses_.longest_at(toks, k);
      if (!m.length) continue;
      const shared_string& id = status_ids_[static_cast<std::size_t>(m.payload)];
      for (std::size_t j = k + m.length; j + 1 < toks.size() && j <= k + m.length + max_in_reach; ++j) {
        if (documents_.is_kind(toks[j])) break;
        if (toks[j].lower != "in" || !detail::year_of(toks[j + 1])) continue;
        // "signed in 2000": the agreement of that year; another status dates a known document.
        if (id == "signed") return years_list(in, d, j + 1, id, true, out);
        if (!d.explicit_year && (documents_.settle(in), in.memory.document != d.key)) return j + 1;
        return years_list(in, d, j + 1, id, false, out);
      }
      return k + m.length;
    }
    return from;
  }

  const rule_set& rules_;
  detail::document_words documents_;
  detail::phrase_matcher statuses_;
  // The texts every claim of a kind shares, made once: a copy only counts a reference.
  std::vector<shared_string> status_ids_;  // by status index: the attribute of a year it dates
  shared_string signed_{"signed"}, year_rule_{"agreement.year"}, status_rule_{"agreement.status"};
};

}  // namespace

namespace detail {
std::unique_ptr<number_part> make_agreement_part(const rule_set& rules) { return std::make_unique<agreement_part>(rules); }
}  // namespace detail

}  // namespace crosscheck
