// People, their roles and delegation membership. See make_person_extractor in extract.hpp.
//
// A sentence is read left to right once. At each token the longest role title of
// data/roles.yaml is tried ("deputy defense minister" before "defense minister"):
//
//   [org] TITLE NAME             "Kremlin press secretary Yuri Ushakov", "Putin's adviser Yuri Ushakov"
//   [org] TITLE of ORG NAME      "Head of the Roscosmos State Space Corporation Yuri Borisov"
//   the [org] TITLE, NAME        "the US secretary of state, Antony Blinken,"
//   NAME, [the] [org] TITLE      "Oleg Kozhemyako, Governor of ..." (an apposition)
//
// A name is a run of capitalized words that are not function words, demonyms or stop words
// (data/names.yaml); a run followed by a stop word ("Kim Il Sung Square") is a place or an
// organisation, not a person. A name of one word is the full name given earlier in the
// document with that last (or first) part, when there is exactly one.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "crosscheck/extract.hpp"
#include "extract/event_context.hpp"
#include "extract/lexical.hpp"
#include "extract/token_pass.hpp"
#include "text/fold.hpp"

namespace crosscheck {
namespace {

using detail::phrase_matcher;
using detail::token;
using detail::word_set;

constexpr std::size_t max_name_words = 5;
constexpr std::size_t max_org_words = 16;

struct span {
  std::size_t first = 0, last = 0;  // tokens [first, last)
  bool empty() const { return first == last; }
};

class person_extractor final : public detail::token_extractor {
 public:
  explicit person_extractor(const rule_set& rules) : rules_(rules), index_(rules.shared_word_ids()) {
    for (std::size_t r = 0; r < rules.people.roles.size(); ++r)
      for (const auto& t : rules.people.roles[r].titles) {
        titles_.add(t, static_cast<int>(r));
        if (t.find(' ') == std::string::npos) title_words_.insert(t);  // "President", "Premier": never part of a name
      }
    for (std::size_t o = 0; o < rules.people.organisations.size(); ++o)
      for (const auto& w : rules.people.organisations[o].words) {
        orgs_.add(w, static_cast<int>(o));
        if (w.size() < 2 || w.compare(w.size() - 2, 2, "'s") != 0) orgs_.add(w + "'s", static_cast<int>(o));  // "the EU's"
      }
    for (const auto& c : rules.people.delegation_cues) delegation_.add(c, 0);
    for (const auto& c : rules.people.partial_cues) partial_.add(c, 0);
    fillers_.insert(rules.people.apposition_fillers.begin(), rules.people.apposition_fillers.end());
    deputies_.insert(rules.people.deputy_words.begin(), rules.people.deputy_words.end());
    copulas_.insert(rules.english.auxiliaries.begin(), rules.english.auxiliaries.end());
    for (const auto& c : rules.people.former_cues) {
      if (!c.empty() && c.back() == '-') former_prefixes_.push_back(c);
      else former_.insert(c);
    }
    stop_.insert(rules.names.stop_words.begin(), rules.names.stop_words.end());
    particles_.insert(rules.names.particles.begin(), rules.names.particles.end());
    function_.insert(rules.english.function_words.begin(), rules.english.function_words.end());
    function_.insert(rules.english.determiners.begin(), rules.english.determiners.end());
    function_.insert(rules.english.pronouns.begin(), rules.english.pronouns.end());
    demonyms_.insert(rules.english.demonyms.begin(), rules.english.demonyms.end());
    meridiem_.insert(rules.meridiem_am.begin(), rules.meridiem_am.end());
    meridiem_.insert(rules.meridiem_pm.begin(), rules.meridiem_pm.end());
    for (const auto& m : rules.dates.months) calendar_.insert(m.names.begin(), m.names.end());
    for (const auto& m : rules.dates.weekdays) calendar_.insert(m.names.begin(), m.names.end());
    for (const word_set* set : {&function_, &stop_, &demonyms_, &calendar_, &title_words_})
      set->for_each([&](const std::string& w, unsigned char) { not_name_.insert(w); });
    detail::bind_roles(index_.get(), titles_, orgs_, delegation_, partial_, former_, stop_, particles_, function_, demonyms_,
                       calendar_, title_words_, fillers_, deputies_, copulas_, meridiem_, not_name_);
    mention_roles_ = titles_.start_roles() | orgs_.start_roles();
    list_roles_ = delegation_.start_roles() | partial_.start_roles();
  }

  claim_kind kind() const noexcept override { return claim_kind::person_role; }
  const detail::word_index* index() const noexcept override { return index_.get(); }

  void extract_with(const document& doc, const detail::document_tokens* shared, std::vector<claim>& out) const override {
    const std::string_view t = doc.normalized;
    memory mem;
    mem.text = t;
    detail::token_list buffer;  // the sentence's tokens, when none are shared
    std::vector<mention> found;  // the sentence's mentions; one buffer for the document, so that it keeps its capacity
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      const sentence& sen = doc.sentences[s];
      const std::vector<token>& toks = detail::tokens_of(doc, s, shared, buffer, index_.get());
      if (toks.empty()) continue;
      // A title-case line with no closing period is a headline: capitals tell nothing there.
      const std::string_view tail = t.substr(toks.back().end, sen.normalized.end - toks.back().end);
      if (tail.find_first_of(".!?") == std::string_view::npos && title_case(toks)) continue;
      if (!holds_name(t, toks)) continue;
      read_sentence(doc, sen, t, toks, mem, found, out);
    }
  }

 private:
  // Full names seen so far in the document, by their first and last parts ("ushakov" -> "Yuri
  // Ushakov"). A document names a few dozen people at most: the memory is one flat list of
  // (part, full name) pairs, each pair once, searched by the part's hash; parts and names are
  // spans of the document's normalized text (a part compared without case and possessive, as
  // the tokens' stems are), so that remembering allocates nothing but the list.
  struct memory {
    struct entry {
      std::uint64_t hash = 0;  // the part's stem_hash
      std::size_t part_begin = 0, part_size = 0;
      std::string_view full;
    };
    std::string_view text;  // the normalized document
    std::vector<entry> entries;

    bool is_part(const entry& e, const token& word) const {
      const std::size_t n = word.stem().size();
      if (e.hash != word.stem_hash || e.part_size != n) return false;
      for (std::size_t k = 0; k < n; ++k)
        if (detail::ascii_lower(text[e.part_begin + k]) != detail::ascii_lower(text[word.begin + k])) return false;
      return true;
    }
    // Remembers `full` under the stems of its first and last parts (the same token or word: once).
    void remember(std::string_view full, const token& first, const token& last) {
      for (const token* p : {&first, &last}) {
        const bool known = std::any_of(entries.begin(), entries.end(),
                                       [&](const entry& e) { return e.full == full && is_part(e, *p); });
        if (!known) entries.push_back({p->stem_hash, p->begin, p->stem().size(), full});
      }
    }
    // The one full name the stem of `word` stands for, if there is exactly one; nullptr when none.
    const std::string_view* resolve(const token& word) const {
      const std::string_view* found = nullptr;
      for (const entry& e : entries)
        if (is_part(e, word)) {
          if (found && *found != e.full) return nullptr;
          found = &e.full;
        }
      return found;
    }
  };

  struct mention {
    span name;
    span whole;          // title (with organisation) and name together: the evidence
    std::string role;    // role id ("defense_minister", "deputy_foreign_minister"); empty: none
    std::string title;   // the title's words as written (with the organisation)
    std::string organisation;
    bool appositive = false;  // the title follows the name
  };

  // Every longer word capitalized, as in a title-case headline ("Foreign Minister Meets Vietnamese
  // Counterpart in Hanoi"), where verbs and nouns are capitalized too.
  static bool title_case(const std::vector<token>& toks) {
    std::size_t words = 0, capitals = 0;
    for (const token& tok : toks) {
      if (tok.lower.size() < 4 || !detail::is_ascii_lower(tok.lower[0])) continue;
      ++words;
      capitals += tok.capitalized;
    }
    return words >= 4 && capitals == words;
  }
  // Whether a token can be (part of) a name: every mention needs one, so a sentence with none
  // holds no claim and nothing to remember.
  bool holds_name(std::string_view t, const std::vector<token>& toks) const {
    for (const token& tok : toks)
      if (is_name_word(tok) || particle_prefixed(t, tok)) return true;
    return false;
  }
  bool comma_between(std::string_view t, const token& a, const token& b) const {
    const auto gap = t.substr(a.end, b.begin - a.end);
    return gap.find_first_of(",;:()[]\"") != std::string_view::npos || gap.find(" - ") != std::string_view::npos;
  }
  bool is_name_word(const token& tok) const {
    return tok.capitalized && !tok.has_digit && !not_name_.contains_stem(tok);
  }
  // "al-Sisi", "el-Baradei", "bin-Laden": a particle joined to a capitalized name.
  bool particle_prefixed(std::string_view t, const token& tok) const {
    if (!tok.has_hyphen) return false;
    const auto dash = tok.lower.find('-');
    if (dash == std::string::npos || dash == 0 || dash + 1 >= tok.lower.size()) return false;
    return particles_.contains(std::string_view(tok.lower).substr(0, dash)) && detail::is_ascii_upper(t[tok.begin + dash + 1]);
  }
  bool is_former(const token& tok) const {
    if (former_.contains(tok)) return true;
    return std::any_of(former_prefixes_.begin(), former_prefixes_.end(),
                       [&](const std::string& p) { return tok.lower.compare(0, p.size(), p) == 0; });
  }

  // The name run starting at i: capitalized name words (particles inside: "bin", "al-"), no
  // punctuation but a period after an initial; empty when it is a place or an organisation.
  // After a title, a capitalized short word mid-sentence is a name even when it reads as a
  // function word ("Vice Premier He Lifeng", "General Secretary To Lam").
  span name_at(std::string_view t, const std::vector<token>& toks, std::size_t i, bool after_title = false) const {
    span s{i, i};
    if (after_title && i > 0 && i + 1 < toks.size() && toks[i].capitalized && function_.contains(toks[i]) &&
        !stop_.contains(toks[i]) && is_name_word(toks[i + 1]) &&
        t.substr(toks[i].end, toks[i + 1].begin - toks[i].end) == " ") {
      const span rest = name_at(t, toks, i + 1);
      if (!rest.empty()) return {i, rest.last};
    }
    std::size_t k = i;
    while (k < toks.size() && k - i < max_name_words) {
      if (k > i) {
        const std::string_view gap = t.substr(toks[k - 1].end, toks[k].begin - toks[k - 1].end);
        const bool initial_dot = gap == ". " && toks[k - 1].lower.size() == 1;
        if (gap != " " && !initial_dot) break;
      }
      if (k > i && titles_.longest_at(toks, k).length) break;  // "Hungarian Prime Minister": a title starts
      if (is_name_word(toks[k]) || particle_prefixed(t, toks[k])) {
        ++k;
        s.last = k;
        if (toks[k - 1].lower != toks[k - 1].stem()) break;  // a possessive ends the name
      } else if (k > i && particles_.contains(toks[k]) && k + 1 < toks.size() && is_name_word(toks[k + 1])) {
        ++k;
      } else {
        break;
      }
    }
    // "Kim Il Sung Square", "John F. Kennedy International Airport": named after a person.
    if (!s.empty() && s.last < toks.size() && toks[s.last].capitalized && stop_.contains_stem(toks[s.last]) &&
        t.substr(toks[s.last - 1].end, toks[s.last].begin - toks[s.last - 1].end) == " ")
      return {i, i};
    return s;
  }

  // An organisation or country ending right before token `end`: a listed one ("Kremlin",
  // "Russian", "Russia's"), a possessive name ("Putin's"), or capitalized words ("Russian
  // Railways"). Returns its first token (== end when none) and its key.
  std::size_t org_before(std::string_view t, const std::vector<token>& toks, std::size_t end, std::string& key) const {
    if (end == 0) return end;
    if (auto m = orgs_.longest_ending_at(toks, end); m.length) {
      key = rules_.people.organisations[static_cast<std::size_t>(m.payload)].id;
      return end - m.length;
    }
    std::size_t b = end;
    while (b > 0 && end - b < 4 && toks[b - 1].capitalized && !function_.contains_stem(toks[b - 1]) &&
           !title_words_.contains_stem(toks[b - 1]) &&
           t.substr(toks[b - 1].end, toks[b].begin - toks[b - 1].end) == " ")
      --b;
    if (b == end) return end;
    std::string words;
    for (std::size_t k = b; k < end; ++k) {
      if (k > b) words += ' ';
      words += std::string(toks[k].stem());
    }
    key = words;
    return b;
  }

  // After a title ending in "of" or followed by "of [the]": the organisation's words and the name
  // closing them ("of the Roscosmos State Space Corporation Yuri Borisov"). Returns the name.
  span name_after_org(std::string_view t, const std::vector<token>& toks, std::size_t k, std::string& org) const {
    const std::size_t from = k;
    span best{k, k};
    std::size_t stop = k;
    while (k < toks.size() && k - from < max_org_words) {
      if (k > from && comma_between(t, toks[k - 1], toks[k])) break;
      if (is_name_word(toks[k]) || (toks[k].capitalized && function_.contains(toks[k]))) {
        const span s = name_at(t, toks, k, true);
        const std::size_t e = std::max(s.last, k + 1);
        const bool closes = e >= toks.size() || comma_between(t, toks[e - 1], toks[e]) || !toks[e].capitalized;
        // "the Russian Far Eastern region": capitals right after a demonym name a place.
        const bool after_demonym = k > from && demonyms_.contains_stem(toks[k - 1]);
        if (!s.empty() && closes && e - k >= 2 && !after_demonym) {
          best = s;
          stop = k;
          break;
        }
        k = e;
      } else {
        ++k;
      }
    }
    if (best.empty()) return best;
    std::string words;
    for (std::size_t j = from; j < stop; ++j) {
      if (toks[j].lower == "the" || toks[j].lower == "of") continue;
      if (!words.empty()) words += ' ';
      words += std::string(toks[j].stem());
    }
    if (auto m = orgs_.longest_at(toks, from + (toks[from].lower == "the" ? 1 : 0)); m.length)
      org = rules_.people.organisations[static_cast<std::size_t>(m.payload)].id;
    else
      org = words;
    return best;
  }

  // found: a buffer for the sentence's mentions.
  void read_sentence(const document& doc, const sentence& sen, std::string_view t, const std::vector<token>& toks,
                     memory& mem, std::vector<mention>& found, std::vector<claim>& out) const {
    // A delegation list: from its cue to the end of the sentence.
    std::size_t list_from = toks.size();
    bool partial = false;
    std::string leader;
    std::uint64_t roles = 0;  // of all the sentence's tokens: most hold no cue word
    for (const token& tok : toks) roles |= tok.roles;
    for (std::size_t i = 0; i < toks.size() && (roles & list_roles_); ++i) {
      if (list_from == toks.size()) {
        if (auto m = delegation_.longest_at(toks, i); m.length) {
          list_from = i + m.length;
          leader = delegation_leader(t, toks, i, mem);
          // "Traveling with Lula were ...": the name before the verb leads; the list follows it.
          if (const span who = name_at(t, toks, list_from);
              !who.empty() && who.last < toks.size() && copulas_.contains(toks[who.last])) {
            leader = full_name(t, toks, who, mem);
            list_from = who.last + 1;
          }
          i += m.length - 1;
        }
      } else if (partial_.longest_at(toks, i).length) {
        partial = true;
      }
    }

    found.clear();
    std::optional<std::size_t> last_app;  // the mention the last apposition went to, and where it ended
    std::size_t last_app_end = 0;
    std::size_t i = 0;
    while (i < toks.size()) {
      // Neither a name word nor the start of a title or an organisation: nothing starts here.
      if (!toks[i].capitalized && !(toks[i].roles & mention_roles_)) {
        ++i;
        continue;
      }
      // "9:15 pm MSK", "2 PM": after a number, "pm" is the time of day, not a prime minister.
      if (i > 0 && toks[i - 1].has_digit && meridiem_.contains(toks[i])) {
        ++i;
        continue;
      }
      if (auto m = titles_.longest_at(toks, i); m.length) {
        mention mn;
        mn.role = rules_.people.roles[static_cast<std::size_t>(m.payload)].id;
        std::size_t e = i + m.length;
        // "Deputy Foreign Minister": a deputy does not hold the role he deputises for.
        std::size_t title_first = i;
        if (i > 0 && deputies_.contains(toks[i - 1]) && t.substr(toks[i - 1].end, toks[i].begin - toks[i - 1].end) == " ") {
          mn.role = "deputy_" + mn.role;
          title_first = i - 1;
        }
        std::string org;
        std::size_t org_first = org_before(t, toks, title_first, org);
        const bool former = (org_first > 0 && is_former(toks[org_first - 1])) || (i > 0 && is_former(toks[i - 1]));
        span name{e, e};
        const bool ends_in_of = toks[e - 1].lower == "of";
        if (ends_in_of || (e < toks.size() && toks[e].lower == "of" && !comma_between(t, toks[e - 1], toks[e]))) {
          std::string of_org;
          name = name_after_org(t, toks, ends_in_of ? e : e + 1, of_org);
          if (!name.empty() && org.empty()) org = of_org;
          if (!name.empty() && !of_org.empty() && org != of_org) org = of_org;
        } else if (e < toks.size() && comma_between(t, toks[e - 1], toks[e]) &&
                   t.substr(toks[e - 1].end, toks[e].begin - toks[e - 1].end).find_first_of(";:(") ==
                       std::string_view::npos &&
                   i > 0 && (toks[org_first > 0 ? org_first - 1 : 0].lower == "the" || org_first < i)) {
          // "the US secretary of state, Antony Blinken," / "Russia's foreign minister, Sergei Lavrov,"
          name = name_at(t, toks, e);
          if (!name.empty() && name.last < toks.size() && !comma_between(t, toks[name.last - 1], toks[name.last]))
            name = {e, e};
        } else if (e < toks.size() && !comma_between(t, toks[e - 1], toks[e])) {
          name = name_at(t, toks, e, true);
        }
        if (name.empty()) {
          // No name after it: maybe a title in apposition after a name ("Oleg Kozhemyako, Governor of
          // ..."), or a second one joined by "and" ("Xi Jinping, also general secretary of ... and
          // chairman of ...").
          std::optional<std::size_t> app;
          if (org_first > 0 && toks[org_first - 1].lower == "and" && last_app && last_app_end == org_first - 1)
            app = last_app;
          else
            app = apposition_name(t, toks, org_first, found, mem);
          if (app && !former) {
            if (ends_in_of || (e < toks.size() && toks[e].lower == "of")) {
              std::string of_org;
              const span of = of_span(t, toks, ends_in_of ? e : e + 1, of_org);
              if (!of_org.empty()) org = of_org;
              e = std::max(e, of.last);
            }
            // An apposition is closed by a comma, the sentence's end or "and" and another title:
            // "Ushakov, the Russian president also presented ..." makes "the Russian president"
            // the subject of a new clause, not Ushakov's title.
            const bool closed = e >= toks.size() || comma_between(t, toks[e - 1], toks[e]) ||
                                (toks[e].lower == "and" && e + 1 < toks.size() && titles_.longest_at(toks, e + 1).length);
            if (!closed) app.reset();
          }
          if (app && !former) {
            mention role_of = found[*app];  // the same name, one more role
            role_of.role = mn.role;
            role_of.organisation = org;
            role_of.title = std::string(t.substr(toks[org_first].begin, toks[e - 1].end - toks[org_first].begin));
            role_of.whole = {role_of.name.first, e};
            role_of.appositive = true;
            if (found[*app].role.empty()) {
              found[*app] = std::move(role_of);
            } else {
              found.push_back(std::move(role_of));
              app = found.size() - 1;
            }
            last_app = app;
            last_app_end = e;
          }
          i = e;
          continue;
        }
        mn.name = name;
        mn.organisation = org;
        mn.whole = {org_first, name.last};
        mn.title = std::string(t.substr(toks[org_first].begin, toks[e - 1].end - toks[org_first].begin));
        if (!former) found.push_back(std::move(mn));
        else remember(t, toks, name, mem);
        i = name.last;
        continue;
      }
      if (auto o = orgs_.longest_at(toks, i); o.length && i + o.length < toks.size() &&
                                                titles_.longest_at(toks, i + o.length).length) {
        i += o.length;  // "NATO secretary-general", "US Secretary of State": read with the title
        continue;
      }
      if (is_name_word(toks[i])) {
        const span name = name_at(t, toks, i);
        if (!name.empty()) {
          mention mn;
          mn.name = name;
          mn.whole = name;
          found.push_back(std::move(mn));
          i = name.last;
          continue;
        }
      }
      ++i;
    }

    bool list_open = false;        // the list of names right after the cue goes on
    bool last_member_bare = true;  // the list so far holds bare names ("Cai Qi, Wang Yi and ...")
    std::size_t last_name_first = static_cast<std::size_t>(-1);  // a name given two roles is claimed once
    for (const mention& mn : found) {
      const bool again = mn.name.first == last_name_first;
      last_name_first = mn.name.first;
      // Found names are never empty. remember() keeps names of two words or more and
      // full_name() reads the memory only for a name of one word, so their order does not
      // matter: the full name is made below, only for a claim.
      if (!again) remember(t, toks, mn.name, mem);
      // Members: the titled names after the cue, and the bare names of a list of bare names that
      // opens right after it ("accompanied by Cai Qi, Wang Yi and ..."); not a name the list does
      // not hold ("Traveling with Putin were Defense Minister ...": Putin leads it; "Joined by
      // Defence Secretary John Healey and Foreign Secretary David Lammy, Starmer arrived").
      bool member = false;
      if (mn.name.first >= list_from && !again) {
        const std::size_t first = mn.whole.first;
        const bool follows = first == list_from ||
                             (list_open && first > 0 && (toks[first - 1].lower == "and" ||
                                            t.substr(toks[first - 1].end, toks[first].begin - toks[first - 1].end)
                                                    .find_first_of(",;") != std::string_view::npos));
        const bool titled = !mn.role.empty();
        const std::size_t after = mn.name.last;
        const bool in_list = after >= toks.size() || toks[after].lower == "and" || toks[after].lower == "or" ||
                             t.substr(toks[after - 1].end, toks[after].begin - toks[after - 1].end).find_first_of(",;.") !=
                                 std::string_view::npos;
        // The list ends where its structure does: "Lula, who is accompanied by Finance Minister
        // Fernando Haddad, met Premier Li Qiang": the premier is no member.
        member = follows && (titled || (last_member_bare && in_list));
        if (member) last_member_bare = !titled;
        list_open = member;
      }
      if (mn.role.empty() && !member) continue;  // a bare name: remembered, no claim
      const std::string full = full_name(t, toks, mn.name, mem);
      const std::string key = "person:" + detail::fold_name(full);
      const std::string as_written = written(t, toks, mn.name);
      if (!again) {
        claim name_claim;
        name_claim.kind = claim_kind::person_name;
        name_claim.subject = key;
        name_claim.subject_text = as_written;
        name_claim.attribute = "name";
        name_claim.val = make_person_name(as_written);
        name_claim.rule = "person.name";
        fill(doc, sen, t, toks, mn.name, name_claim);
        out.push_back(std::move(name_claim));
      }
      if (!mn.role.empty()) {
        claim c;
        c.kind = claim_kind::person_role;
        c.subject = key;
        c.subject_text = as_written;
        c.attribute = "role";
        c.val = role_value{mn.role, mn.title, mn.organisation};
        c.rule = mn.appositive ? "person.apposition" : "person.title";
        fill(doc, sen, t, toks, mn.whole, c);
        out.push_back(std::move(c));
      }
      if (member) {
        claim c;
        c.kind = claim_kind::person_role;
        c.subject = key;
        c.subject_text = as_written;
        c.attribute = "delegation";
        c.val = role_value{"member", "delegation", leader.empty() ? "delegation" : "delegation of " + leader};
        c.rule = partial ? "person.delegation.partial" : "person.delegation";
        fill(doc, sen, t, toks, mn.whole, c);
        out.push_back(std::move(c));
      }
    }
  }

  // The words after "of" that name an organisation (up to a comma or the end): "of the Russian
  // Far Eastern region of Primorsky Krai".
  span of_span(std::string_view t, const std::vector<token>& toks, std::size_t k, std::string& org) const {
    const std::size_t from = k;
    while (k < toks.size() && k - from < max_org_words && (k == from || !comma_between(t, toks[k - 1], toks[k]))) {
      if (k > from && toks[k].lower == "and" && k + 1 < toks.size() && titles_.longest_at(toks, k + 1).length) break;
      ++k;
    }
    std::string words;
    for (std::size_t j = from; j < k; ++j) {
      if (!toks[j].capitalized) continue;
      if (!words.empty()) words += ' ';
      words += std::string(toks[j].stem());
    }
    org = words;
    for (std::size_t j = from; j < k; ++j)  // a listed organisation or country in the words names it
      if (auto m = orgs_.longest_at(toks, j); m.length) {
        org = rules_.people.organisations[static_cast<std::size_t>(m.payload)].id;
        break;
      }
    return {from, k};
  }

  // A title in apposition: "NAME, [the|a] [org] TITLE": the mention whose name ends right before
  // the comma before `title_first`.
  std::optional<std::size_t> apposition_name(std::string_view t, const std::vector<token>& toks, std::size_t title_first,
                                             const std::vector<mention>& found, const memory& mem) const {
    std::size_t k = title_first;
    while (k > 0 && fillers_.contains(toks[k - 1]) && !comma_between(t, toks[k - 1], toks[k])) --k;
    if (k == 0 || found.empty()) return std::nullopt;
    // The name that ends right before (words of the title's organisation may have been read as
    // a name of their own: "Penny Wong, Australia's foreign minister").
    std::size_t at = found.size();
    while (at > 0 && found[at - 1].name.first >= k) --at;
    if (at == 0) return std::nullopt;
    const mention& prev = found[at - 1];
    if (prev.name.last != k) return std::nullopt;
    // One capitalized word ("Earlier, the aide said") is a name only when the document gave it in full.
    if (prev.name.last - prev.name.first < 2 && !mem.resolve(toks[prev.name.first]))
      return std::nullopt;
    const std::string_view gap = t.substr(toks[k - 1].end, toks[k].begin - toks[k - 1].end);
    if (gap.find(',') == std::string_view::npos) return std::nullopt;
    return at - 1;
  }

  // The person leading a delegation: the last name before the cue ("Putin was accompanied
  // by"), else an organisation ("The Russian delegation includes"); empty when neither.
  std::string delegation_leader(std::string_view t, const std::vector<token>& toks, std::size_t cue,
                                const memory& mem) const {
    for (std::size_t k = cue; k > 0; --k) {
      if (is_name_word(toks[k - 1])) {
        std::size_t b = k - 1;
        while (b > 0 && is_name_word(toks[b - 1])) --b;
        const span s{b, k};
        const std::string full = full_name(t, toks, s, mem);
        // One capitalized word is a leader only when the document gave his full name
        // ("Additionally, the delegation features ...": no one leads it).
        if (!full.empty() && (k - b >= 2 || full.find(' ') != std::string::npos)) return full;
      }
      if (auto m = orgs_.longest_ending_at(toks, k); m.length)
        return rules_.people.organisations[static_cast<std::size_t>(m.payload)].id;
    }
    return {};
  }

  std::string written(std::string_view t, const std::vector<token>& toks, span s) const {
    std::string w(t.substr(toks[s.first].begin, toks[s.last - 1].end - toks[s.first].begin));
    if (toks[s.last - 1].stem() != toks[s.last - 1].lower) w = detail::possessive_stem(w);
    return w;
  }

  // The name's words as written, or for one word the full name given earlier in the document.
  std::string full_name(std::string_view t, const std::vector<token>& toks, span s, const memory& mem) const {
    if (s.empty()) return {};
    std::string written(t.substr(toks[s.first].begin, toks[s.last - 1].end - toks[s.first].begin));
    if (toks[s.last - 1].stem() != toks[s.last - 1].lower) written = detail::possessive_stem(written);
    if (s.last - s.first == 1)
      if (const std::string_view* full = mem.resolve(toks[s.first]); full && !full->empty()) return std::string(*full);
    return written;
  }

  // Remembers a name of two words or more under its first and last words, particles ("bin")
  // left out; a name with fewer than two words but particles is not remembered.
  void remember(std::string_view t, const std::vector<token>& toks, span s, memory& mem) const {
    if (s.last - s.first < 2) return;
    std::size_t first = s.last, last = s.last, parts = 0;
    for (std::size_t k = s.first; k < s.last; ++k)
      if (!particles_.contains(toks[k])) {
        if (first == s.last) first = k;
        last = k;
        ++parts;
      }
    if (parts < 2) return;
    mem.remember(t.substr(toks[s.first].begin, toks[s.last - 1].end - toks[s.first].begin), toks[first], toks[last]);
  }

  void fill(const document& doc, const sentence& sen, std::string_view, const std::vector<token>& toks, span s,
            claim& c) const {
    detail::event_context::fill_evidence(doc, sen, text_span{toks[s.first].begin, toks[s.last - 1].end}, c);
  }

  const rule_set& rules_;
  std::shared_ptr<const detail::word_index> index_;  // rules_'s (kept: they may be indexed again); the maps below are bound to it
  // The roles of the words a title or an organisation starts with, and a delegation or partial
  // cue: a lower-case token with none of the first is passed over on one test (all_roles when
  // the maps are unbound: no token is).
  std::uint64_t mention_roles_ = detail::all_roles, list_roles_ = detail::all_roles;
  phrase_matcher titles_, orgs_, delegation_, partial_;
  word_set former_, stop_, particles_, function_, demonyms_, calendar_, title_words_, fillers_, deputies_, copulas_;
  word_set meridiem_;  // "a.m.", "pm": after a number, a time of day
  word_set not_name_;  // function_, stop_, demonyms_, calendar_ and title_words_ together: one lookup in is_name_word
  std::vector<std::string> former_prefixes_;
};

}  // namespace

std::unique_ptr<extractor> make_person_extractor(const rule_set& rules) {
  return std::make_unique<person_extractor>(rules);
}

}  // namespace crosscheck
