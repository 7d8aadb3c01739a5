// Numbered parts of documents and what they provide: "article four of the treaty", "Article 4",
// "Art. 4", "the fourth article", "Clause 3 of the agreement", "paragraph 2 of Article 5",
// "Section 12", "a 23-article treaty".
//
// A reference is a part word (documents.parts: article, clause, section, paragraph, chapter) and
// a number after it ("Article 4", "article four") or an ordinal before it ("the fourth article").
// Its document is the one named after "of" ("of the 1961 treaty", "of UN Security Council
// resolution 2270"), else one named elsewhere in the sentence, else the one the text named
// last (number_pass.hpp's document_words). What the part provides is a phrase of
// documents.provisions in the sentence ("assistance to each other in the event of
// aggression" -> mutual_assistance). A reference whose sentence names no provision gives no
// claim: it states nothing that another source could contradict.
//
// Each reference gives two claims (kind article), so that both kinds of disagreement land in one
// slot:
//   article.placement  subject the document key ("treaty:2024"), attribute "article for
//                      <provision>" ("article for mutual_assistance"), value the part:
//                      article_ref{"treaty:2024", 4}. Two sources placing the same provision
//                      in different articles conflict.
//   article.provision  subject "<document key> <part> <n>" ("treaty:2024 article 4"), attribute
//                      "provision", value article_ref{"mutual_assistance", 4}. Two sources
//                      describing the same article as two provisions conflict (different
//                      documents in one slot conflict: value.hpp).
// A part other than an article is written into the document key of the value
// ("treaty:2024/clause"), so that Clause 3 and Article 3 never agree by accident. "paragraph 2
// of Article 5" is article 5, paragraph 2. "a 23-article treaty" is a count claim (rule
// article.size): subject the document key, attribute "articles", value 23.
// Cost: linear in the tokens of sentences with a number.
#include <algorithm>

#include "extract/number_pass.hpp"
#include "text/fold.hpp"

namespace crosscheck {
namespace {

using detail::document_ref;
using detail::token;
using detail::token_span;

constexpr std::size_t max_document_reach = 8;  // from "of" to the document's kind word

class article_part final : public detail::number_part {
 public:
  explicit article_part(const rule_set& rules) : rules_(rules), documents_(rules) {
    const auto& d = rules.documents;
    for (std::size_t p = 0; p < d.parts.size(); ++p)
      for (const auto& w : d.parts[p].words) parts_.set(w, p);
    for (std::size_t p = 0; p < d.provisions.size(); ++p)
      for (const auto& w : d.provisions[p].phrases) provisions_.add(w, static_cast<int>(p));
    detail::bind_roles(rules.word_ids(), parts_, provisions_);
    for (const auto& part : d.parts) {
      plurals_.emplace_back(part.id + "s");
      for (const auto& prov : d.provisions) placements_.emplace_back(part.id + " for " + prov.id);
    }
  }

  claim_kind kind() const noexcept override { return claim_kind::article; }
  bool reads_numberless() const noexcept override { return true; }

  void sentence(const detail::number_input& in, std::vector<claim>& out) const override {
    const auto& toks = in.sc.toks();
    // Documents named in the sentence with their year are remembered for the next ones.
    std::vector<document_ref>& named = in.named;
    named.clear();
    // Every claim needs a number the number reader reads too: the reference's ("Article 4",
    // "article four", "the fourth article") or the size's ("a 23-article treaty"). A sentence
    // with none (the number pass gives those only when they name a document) only names
    // documents, for the next sentences.
    const bool numbers = !in.numbers.empty();
    // The sentence's role bits say whether it may name a document or a provision: most name
    // neither, and give nothing and note nothing.
    const bool kinds = documents_.may_name(in.roles);
    const bool may_provide = numbers && (in.roles & provisions_.start_roles());
    if (!kinds && !may_provide) return;
    const std::size_t n = toks.size();
    // With no number, the sentence only names documents for the next ones, and each one noted
    // replaces the one before: only the last is kept (at() reads the memory as it was before
    // the sentence, whichever it is asked about).
    if (!numbers) {
      remember_last(in);
      return;
    }
    // A claim is made at a reference's part word or a size's hyphenated number, both next to a
    // core: a sentence with neither (most sentences with a number) gives no claim, and of the
    // documents it names only the last is remembered (each note replaces the one before), so only
    // that one is read. The rest (every document named, the provisions) is read for the few that
    // have one.
    if (!may_refer(in)) {
      if (kinds) remember_last(in);
      return;
    }
    bool provisions = false;  // a phrase of documents.provisions somewhere in the sentence
    if (kinds)
      for (std::size_t k = 0; k < n; ++k)
        if (documents_.is_kind(toks[k]))
          if (auto d = documents_.at(in, k)) named.push_back(std::move(*d));
    if (may_provide)
      for (std::size_t k = 0; k < n && !provisions; ++k) provisions = provisions_.longest_at(toks, k).length != 0;
    // A reference gives claims only when the sentence names a provision, and a document's size
    // only when it names the document: in most sentences there is nothing more to read.
    if (!numbers || (!provisions && named.empty())) {
      for (const auto& d : named) detail::document_words::remember(in, d);
      return;
    }
    // A size ("a 23-article") is a token that may hold a number; a reference's part word has one
    // right after it ("Article 4") or right before it ("fourth article"). So only the tokens
    // next to those (in.cores) are looked at, left to right, each once.
    std::size_t next = 0;  // the first token not looked at yet
    for (const std::size_t c : in.cores)
      for (std::size_t k = std::max(next, c > 0 ? c - 1 : 0); k <= c + 1 && k < n; next = ++k) {
        if (size_claim(in, k, named, out)) continue;
        const std::size_t* part = parts_.find(toks[k]);
        if (!part) continue;
        ref r;
        if (!read_ref(in, k, *part, r)) continue;
        k = r.last - 1;
        const auto doc = document_of(in, r, named);
        if (!doc) continue;
        const auto provision = provision_near(toks, r);
        if (!provision) continue;
        emit(in, r, *doc, *provision, out);
      }
    for (const auto& d : named) detail::document_words::remember(in, d);
  }

 private:
  // Remembers the last document the sentence names, if any (at() reads the memory as it was
  // before the sentence, whichever kind word it is asked about).
  void remember_last(const detail::number_input& in) const {
    const auto& toks = in.sc.toks();
    for (std::size_t k = toks.size(); k-- > 0;)
      if (documents_.is_kind(toks[k])) {
        documents_.remember_at(in, k);
        return;
      }
  }

  // Whether a token next to a core (the tokens sentence() looks at for claims) is a part word
  // or has a hyphen (a size: "a 23-article treaty"): false when the sentence can give no claim.
  bool may_refer(const detail::number_input& in) const {
    const auto& toks = in.sc.toks();
    const std::size_t n = toks.size();
    std::size_t next = 0;  // the first token not looked at yet
    for (const std::size_t c : in.cores)
      for (std::size_t k = std::max(next, c > 0 ? c - 1 : 0); k <= c + 1 && k < n; next = ++k)
        if ((toks[k].has_hyphen && size_part(toks[k])) || parts_.find(toks[k])) return true;
    return false;
  }

  // The part a size names ("23-article": article), as size_claim() reads it; nullptr when the
  // token is no size (most hyphenated numbers: "2024-06-19", "mid-2001").
  // `value`: the size.
  const std::size_t* size_part(const token& t, double* value = nullptr) const {
    const auto n = detail::parse_word_number(t.lower, rules_.dates.numbers, nullptr, false);
    if (!n.ok || n.rest.empty() || n.value < 1 || n.decimals) return nullptr;
    if (value) *value = n.value;
    return parts_.find(n.rest);
  }

  struct ref {
    std::size_t first = 0, last = 0;  // tokens of the reference
    std::size_t part = 0;             // index into documents.parts
    int number = 0;
    int paragraph = 0;
  };

  int number_at(const token& t) const {
    const auto n = detail::parse_word_number(t.lower, rules_.dates.numbers, nullptr, false);
    if (!n.ok || n.ordinal || !n.suffix.empty() || !n.rest.empty() || n.decimals || n.value < 1 || n.value > 100000) return 0;
    return static_cast<int>(n.value);
  }

  bool read_ref(const detail::number_input& in, std::size_t k, std::size_t part, ref& r) const {
    const auto& toks = in.sc.toks();
    r.part = part;
    r.first = k;
    if (k + 1 < toks.size() && (r.number = number_at(toks[k + 1])) > 0) {
      r.last = k + 2;
    } else if (k > 0 && toks[k].lower == rules_.documents.parts[part].id) {
      // "the fourth article": an ordinal word right before the part's own name.
      const auto n = detail::parse_word_number(toks[k - 1].lower, rules_.dates.numbers, &rules_.numbers.ordinals, false);
      if (!n.ok || !n.ordinal || n.digits) return false;
      r.number = static_cast<int>(n.value);
      r.first = k >= 2 && toks[k - 2].lower == "the" ? k - 2 : k - 1;
      r.last = k + 1;
    } else {
      return false;
    }
    // "paragraph 2 of Article 5": the paragraph of an article.
    if (rules_.documents.parts[part].id == "paragraph" && r.last + 2 < toks.size() && toks[r.last].lower == "of")
      if (const std::size_t* p2 = parts_.find(toks[r.last + 1]); p2 && rules_.documents.parts[*p2].id == "article")
        if (const int a = number_at(toks[r.last + 2])) {
          r.paragraph = r.number;
          r.number = a;
          r.part = *p2;
          r.last += 3;
        }
    return true;
  }

  std::optional<document_ref> document_of(const detail::number_input& in, const ref& r,
                                          const std::vector<document_ref>& named) const {
    const auto& toks = in.sc.toks();
    // "of the treaty", "of the 1961 treaty", "of UN Security Council resolution 2270".
    if (r.last < toks.size() && toks[r.last].lower == "of")
      for (const auto& d : named)
        if (d.first > r.last && d.first <= r.last + max_document_reach) return d;
    // Elsewhere in the sentence: the nearest one.
    const document_ref* best = nullptr;
    std::size_t best_distance = toks.size() + 1;
    for (const auto& d : named) {
      const std::size_t dist = d.first >= r.last ? d.first - r.last : r.first - std::min(r.first, d.last);
      if (dist < best_distance) {
        best = &d;
        best_distance = dist;
      }
    }
    if (best) return *best;
    documents_.settle(in);
    const auto& mem = in.memory;
    if (!mem.document.empty() && mem.current - mem.sentence <= 3) {
      document_ref d;
      d.key = mem.document;
      d.kind = mem.document_kind;
      return d;
    }
    return std::nullopt;
  }

  // The provision named nearest to the reference, if any.
  std::optional<std::size_t> provision_near(token_span toks, const ref& r) const {
    std::optional<std::size_t> best;
    const std::size_t n = toks.size();
    std::size_t best_distance = n + 1;
    for (std::size_t k = 0; k < n; ++k) {
      const auto m = provisions_.longest_at(toks, k);
      if (!m.length) continue;
      const std::size_t dist = k >= r.last ? k - r.last : r.first - std::min(r.first, k + m.length);
      if (dist < best_distance) {
        best = static_cast<std::size_t>(m.payload);
        best_distance = dist;
      }
      k += m.length - 1;
    }
    return best;
  }

  // "a 23-article treaty": the size of a document, as a count.
  bool size_claim(const detail::number_input& in, std::size_t k, const std::vector<document_ref>& named,
                  std::vector<claim>& out) const {
    const auto& toks = in.sc.toks();
    if (!toks[k].has_hyphen) return false;
    double size = 0;
    const std::size_t* part = size_part(toks[k], &size);
    if (!part) return false;
    const document_ref* doc = nullptr;
    for (const auto& d : named)
      if (d.first > k && d.first <= k + 4) doc = &d;
    if (!doc) return false;
    claim c;
    c.kind = claim_kind::count;
    c.subject = doc->key;
    c.attribute = plurals_[*part];
    c.val = count_value::exactly(static_cast<std::int64_t>(size));
    c.rule = size_rule_;
    detail::fill_number_evidence(in, k, k + 1, c);
    out.push_back(std::move(c));
    return true;
  }

  void emit(const detail::number_input& in, const ref& r, const document_ref& doc, std::size_t provision,
            std::vector<claim>& out) const {
    const auto& part = rules_.documents.parts[r.part].id;
    const auto& prov = rules_.documents.provisions[provision].id;
    const std::string where = part == "article" ? doc.key : doc.key + "/" + part;
    claim placement;
    placement.kind = claim_kind::article;
    placement.subject = doc.key;
    // No subject_text: reports then name the document by its key ("the treaty of 2024"); its
    // words are in the evidence sentence.
    placement.attribute = placements_[r.part * rules_.documents.provisions.size() + provision];
    placement.val = article_ref{where, r.number, r.paragraph};
    placement.rule = placement_rule_;
    detail::fill_number_evidence(in, r.first, r.last, placement);
    claim described = placement;
    described.subject = doc.key + " " + part + " " + std::to_string(r.number);
    described.attribute = provision_;
    described.val = article_ref{prov, r.number, r.paragraph};
    described.rule = provision_rule_;
    out.push_back(std::move(placement));
    out.push_back(std::move(described));
  }

  const rule_set& rules_;
  detail::document_words documents_;
  detail::word_map<std::size_t> parts_;
  detail::phrase_matcher provisions_;
  // The texts every claim of a kind shares, made once: a copy only counts a reference.
  std::vector<shared_string> plurals_;     // by part: "articles", the attribute of a size
  std::vector<shared_string> placements_;  // by part and provision: "article for <provision>"
  shared_string provision_{"provision"}, size_rule_{"article.size"}, placement_rule_{"article.placement"};
  shared_string provision_rule_{"article.provision"};
};

}  // namespace

namespace detail {
std::unique_ptr<number_part> make_article_part(const rule_set& rules) { return std::make_unique<article_part>(rules); }
}  // namespace detail

}  // namespace crosscheck
