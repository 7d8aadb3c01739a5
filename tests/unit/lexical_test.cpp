// The shared lexical layer (lib/extract/lexical.hpp, token_pass.hpp): phrase matching over
// tokens, and the per-thread reuse of a document's token buffers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "crosscheck/text.hpp"
#include "extract/lexical.hpp"
#include "extract/token_pass.hpp"
#include "support/corpus.hpp"

using crosscheck::detail::phrase_matcher;
using crosscheck::detail::tokenize;

namespace {

phrase_matcher titles() {
  phrase_matcher m;
  m.add("minister", 1);
  m.add("Minister of Defense", 2);  // phrases are matched in lower case
  m.add("minister of the interior", 3);
  m.add("prime minister", 4);
  m.add("minister", 9);  // added twice: the first payload stays
  return m;
}

}  // namespace

TEST_CASE("phrase_matcher: the longest phrase starting at a token wins", "[lexical]") {
  const phrase_matcher m = titles();
  const std::string text = "The Prime Minister met the minister of defense and the minister of the navy.";
  const auto toks = tokenize(text, 0, text.size());
  CHECK(m.longest_at(toks, 0).length == 0u);  // "The"
  const auto prime = m.longest_at(toks, 1);
  CHECK(prime.length == 2u);
  CHECK(prime.payload == 4);
  const auto lone = m.longest_at(toks, 2);  // "Minister met": the one-word title
  CHECK(lone.length == 1u);
  CHECK(lone.payload == 1);
  const auto defense = m.longest_at(toks, 5);
  CHECK(defense.length == 3u);
  CHECK(defense.payload == 2);
  // "minister of the navy": "minister of the interior" fails at its last word; "minister" is left.
  const auto navy = m.longest_at(toks, 10);
  CHECK(navy.length == 1u);
  CHECK(navy.payload == 1);
  CHECK(m.longest_at(toks, toks.size()).length == 0u);
}

TEST_CASE("phrase_matcher: the longest phrase ending at a token wins", "[lexical]") {
  const phrase_matcher m = titles();
  const std::string text = "He is prime minister of defense";
  const auto toks = tokenize(text, 0, text.size());
  const auto prime = m.longest_ending_at(toks, 4);  // ends at "minister"
  CHECK(prime.length == 2u);
  CHECK(prime.payload == 4);
  const auto defense = m.longest_ending_at(toks, 6);  // "minister of defense"
  CHECK(defense.length == 3u);
  CHECK(defense.payload == 2);
  CHECK(m.longest_ending_at(toks, 5).length == 0u);  // "of"
  CHECK(m.longest_ending_at(toks, 0).length == 0u);
  CHECK(m.longest_ending_at(toks, 3).length == 0u);  // "prime"
  // A phrase longer than the tokens up to the end is not matched past the first token.
  const std::string cut = "of defense";
  const auto few = tokenize(cut, 0, cut.size());
  CHECK(m.longest_ending_at(few, 2).length == 0u);
}

TEST_CASE("phrase_matcher: an empty matcher matches nothing", "[lexical]") {
  phrase_matcher m;
  CHECK(m.empty());
  m.add("   ", 1);  // no word: not a phrase
  CHECK(m.empty());
  const std::string text = "minister";
  const auto toks = tokenize(text, 0, text.size());
  CHECK(m.longest_at(toks, 0).length == 0u);
  CHECK(m.longest_ending_at(toks, 1).length == 0u);
}

TEST_CASE("tokenize: a possessive's stem and its hash", "[lexical]") {
  const std::string text = "Putin's aides' talks, 1990's, rock'n'roll";
  const auto toks = tokenize(text, 0, text.size());
  REQUIRE(toks.size() == 5u);
  CHECK(toks[0].possessive);
  CHECK(toks[0].stem() == "putin");
  // The possessive is looked up by its stem: its stem hash is the hash the bare name gets.
  const std::string bare = "Putin";
  const auto alone = tokenize(bare, 0, bare.size());
  REQUIRE(alone.size() == 1u);
  CHECK(toks[0].stem_hash() == alone[0].hash);
  CHECK(toks[0].hash == crosscheck::detail::word_hash("putin's"));
  CHECK(!toks[1].possessive);  // a final apostrophe is no part of the token
  CHECK(toks[1].stem() == "aides");
  CHECK(!toks[2].possessive);
  CHECK(toks[3].possessive);  // "1990's": the word is cut as any other
  CHECK(toks[3].stem() == "1990");
  CHECK(!toks[4].possessive);  // apostrophes inside, no "'s" at the end
  CHECK(toks[4].stem() == "rock'n'roll");
}

TEST_CASE("tokenize: lower views a lower-cased copy of the text, owned by the token list", "[lexical]") {
  auto text = std::make_unique<std::string>("The UN's Secretary-General met KIM at 2:46 a.m.");
  auto toks = tokenize(*text, 4, text->size());  // from "UN's" on
  REQUIRE(toks.size() == 7u);
  for (const auto& t : toks.tokens()) CHECK(t.lower.size() == t.end - t.begin);
  CHECK(toks[0].begin == 4u);
  CHECK(toks[0].lower == "un's");
  CHECK(toks[0].stem() == "un");
  CHECK(toks[1].lower == "secretary-general");
  CHECK(toks[1].has_hyphen);
  CHECK(toks[3].lower == "kim");
  CHECK(toks[3].capitalized);
  CHECK(toks[5].lower == "2:46");
  CHECK(toks[5].has_digit);
  // The views point into the list's own copy: the source can change or go (ASan builds would
  // report a read of the freed text), and a move keeps them.
  (*text)[4] = 'X';
  text.reset();
  const auto moved = std::move(toks);
  CHECK(moved[0].lower == "un's");
  CHECK(moved.back().lower == "a.m");
  CHECK(moved[3].hash == crosscheck::detail::word_hash("kim"));
}

TEST_CASE("tokenize: a reused token list gives the tokens of a fresh one", "[lexical]") {
  // A short text, then a longer one (the copy grows), then a short one again (it is reused).
  const std::string texts[] = {"Rain fell.", "Internationally renowned Representatives arrived on Monday's train.",
                               "Kim left."};
  crosscheck::detail::token_list buffer;
  for (const auto& text : texts) {
    tokenize(text, 0, text.size(), buffer);
    const auto fresh = tokenize(text, 0, text.size());
    REQUIRE(buffer.size() == fresh.size());
    for (std::size_t k = 0; k < fresh.size(); ++k) {
      CHECK(buffer[k].lower == fresh[k].lower);
      CHECK(buffer[k].lower.data() != fresh[k].lower.data());  // each list has its own copy
      CHECK(buffer[k].begin == fresh[k].begin);
      CHECK(buffer[k].hash == fresh[k].hash);
      CHECK(buffer[k].capitalized == fresh[k].capitalized);
    }
  }
  // An empty stretch gives no token, whatever the list held.
  tokenize(texts[1], 3, 3, buffer);
  CHECK(buffer.empty());
}

TEST_CASE("tokenize: a text of 4 GiB or more is refused with an error", "[lexical]") {
  // Token offsets are 32-bit: the end is checked before any byte is read.
  const std::string text = "short";
  CHECK_THROWS_AS(tokenize(text, 0, std::size_t{1} << 32), std::length_error);
  crosscheck::detail::token_list buffer;
  CHECK_THROWS_AS(tokenize(text, 0, std::size_t{5} << 30, buffer), std::length_error);
}

TEST_CASE("same_word: equal words only, whatever the length and the byte that differs", "[lexical]") {
  // same_word compares 4 or 8 bytes at a time with overlapping loads: a difference in any byte
  // of any length must be seen, and only the words' own bytes read (ASan builds check the
  // heap copies below).
  const std::string base = "abcdefghijklmnopqrstuvwxyz0123";
  for (std::size_t n = 0; n <= base.size(); ++n) {
    const auto a = std::make_unique<std::string>(base.substr(0, n));
    const auto b = std::make_unique<std::string>(base.substr(0, n));
    CHECK(crosscheck::detail::same_word(*a, *b));
    if (n > 0) CHECK_FALSE(crosscheck::detail::same_word(*a, std::string_view(*b).substr(0, n - 1)));
    for (std::size_t k = 0; k < n; ++k) {
      std::string c = *b;
      c[k] = '#';
      CHECK_FALSE(crosscheck::detail::same_word(*a, c));
      CHECK_FALSE(crosscheck::detail::same_word(c, *a));
    }
  }
}

TEST_CASE("document_tokens: reused buffers give the tokens of a fresh tokenize", "[lexical]") {
  // A long document first, then a shorter one on the same thread: the second gets the first's
  // buffers back, longer words and more sentences than it needs.
  auto doc = [](std::string text) {
    crosscheck::document d;
    d.id = "t";
    d.text = std::move(text);
    crosscheck::prepare(d, crosscheck_test::rules());
    return d;
  };
  const auto first = doc("Internationally renowned representatives arrived. They met twice. Then they left. Rain fell.");
  const auto second = doc("Kim met Putin at 2:46 a.m. on Wednesday. He left.");
  const crosscheck::detail::word_index* index = crosscheck_test::rules().word_ids();
  REQUIRE(index);
  auto same_as_fresh = [&](const crosscheck::document& d, const crosscheck::detail::document_tokens& shared) {
    bool same = true;
    for (std::size_t s = 0; s < d.sentences.size(); ++s) {
      const auto fresh = tokenize(d.normalized, d.sentences[s].normalized.begin, d.sentences[s].normalized.end, index);
      const auto& got = shared[s];
      same = same && got.size() == fresh.size();
      for (std::size_t k = 0; same && k < fresh.size(); ++k)
        same = got[k].begin == fresh[k].begin && got[k].end == fresh[k].end && got[k].lower == fresh[k].lower &&
               got[k].hash == fresh[k].hash && got[k].stem_hash() == fresh[k].stem_hash() &&
               got[k].capitalized == fresh[k].capitalized && got[k].has_digit == fresh[k].has_digit &&
               got[k].has_hyphen == fresh[k].has_hyphen && got[k].possessive == fresh[k].possessive &&
               got[k].id == fresh[k].id && got[k].roles == fresh[k].roles && got[k].stem_roles == fresh[k].stem_roles;
    }
    return same;
  };
  {
    const crosscheck::detail::document_tokens a(first, index);
    CHECK(same_as_fresh(first, a));
  }
  {
    const crosscheck::detail::document_tokens b(second, index);
    CHECK(same_as_fresh(second, b));
    // A second document's tokens alive at the same time get buffers of their own.
    const crosscheck::detail::document_tokens c(first, index);
    CHECK(same_as_fresh(first, c));
    CHECK(same_as_fresh(second, b));
  }
  // Then documents whose sentences have more tokens than the pooled vectors held (tokenize grows
  // them a few tokens at a time, several times within a long sentence), and fewer again.
  std::string many;
  for (int k = 0; k < 40; ++k) many += k % 3 ? "word " : "Kim's 12 a.m. ";
  const auto longer = doc("Short. " + many + "end. " + many + many + "end.");
  const auto shorter = doc("One two. Three four five six. Seven.");
  for (const auto* d : {&second, &longer, &shorter, &longer, &first, &longer}) {
    const crosscheck::detail::document_tokens t(*d, index);
    CHECK(same_as_fresh(*d, t));
    std::size_t count = 0;
    for (std::size_t s = 0; s < d->sentences.size(); ++s) count += t[s].size();
    if (d == &longer) CHECK(count > 150);
  }
}

namespace {

// Every token of `text` gets the same answer from the map bound to `index` as from an unbound
// copy (the Bloom and hash path), whole and by stem.
template <class Map>
bool same_answers(const Map& unbound, const Map& bound, std::string_view text,
                  const crosscheck::detail::word_index& index) {
  const auto toks = tokenize(text, 0, text.size(), &index);
  bool same = true;
  for (const auto& t : toks.tokens())
    same = same && (unbound.find(t) == nullptr) == (bound.find(t) == nullptr) &&
           (unbound.find_stem(t) == nullptr) == (bound.find_stem(t) == nullptr);
  return same;
}

}  // namespace

TEST_CASE("word_index: ids and role bits of the vocabulary's words", "[lexical]") {
  using crosscheck::detail::all_roles;
  using crosscheck::detail::any_role;
  const auto& rules = crosscheck_test::rules();
  const crosscheck::detail::word_index* index = rules.word_ids();
  REQUIRE(index);
  CHECK(index->size() > 100u);
  const std::string text = "Defense Minister Andrei Belousov's aides met the Kremlin's zorblax.";
  const auto toks = tokenize(text, 0, text.size(), index);
  const auto plain = tokenize(text, 0, text.size());
  REQUIRE(toks.size() == 9u);
  // Without an index a token may be anything; with one, a word of no list has only any_role.
  for (const auto& t : plain.tokens()) CHECK(t.roles == all_roles);
  CHECK(toks[8].lower == "zorblax");
  CHECK(toks[8].id == 0u);
  CHECK(toks[8].roles == any_role);
  // "defense" starts a title and "minister" is one; distinct words get distinct ids.
  CHECK(toks[0].id != 0u);
  CHECK(toks[1].id != 0u);
  CHECK(toks[0].id != toks[1].id);
  CHECK(toks[0].roles != any_role);
  CHECK((toks[0].roles & any_role) != 0u);
  // "the" is a function word; "Kremlin's" has roles of its own (an organisation's possessive)
  // and its stem's (the organisation).
  CHECK(toks[6].lower == "the");
  CHECK(toks[6].roles != any_role);
  CHECK(toks[7].possessive);
  CHECK(toks[7].roles != any_role);
  CHECK(toks[7].stem_roles != any_role);
  // A possessive name no list holds: neither the word nor its stem has a role.
  CHECK(toks[3].possessive);
  CHECK(toks[3].roles == any_role);
  CHECK(toks[3].stem_roles == any_role);
}

TEST_CASE("word_index: a bound map answers as the unbound one, or stays unbound", "[lexical]") {
  using crosscheck::detail::all_roles;
  const auto& rules = crosscheck_test::rules();
  const crosscheck::detail::word_index& index = *rules.word_ids();
  const std::string text =
      "The Russian Defense Minister, Kremlin's aide and Putin's press secretary said on Monday that the "
      "EU's foreign-policy chief, accompanied by others, met him in March at 2 p.m. with the zorblax";

  // Exactly the function words, determiners and pronouns: covered by three roles.
  crosscheck::detail::word_set function;
  function.insert(rules.english.function_words.begin(), rules.english.function_words.end());
  function.insert(rules.english.determiners.begin(), rules.english.determiners.end());
  function.insert(rules.english.pronouns.begin(), rules.english.pronouns.end());
  auto bound = function;
  index.bind(bound);
  CHECK(bound.role_mask() != all_roles);
  CHECK(same_answers(function, bound, text, index));

  // Organisation phrases (with their possessives), matched from both ends.
  crosscheck::detail::phrase_matcher orgs;
  for (const auto& o : rules.people.organisations)
    for (const auto& w : o.words) {
      orgs.add(w, 1);
      if (w.size() < 2 || w.compare(w.size() - 2, 2, "'s") != 0) orgs.add(w + "'s", 1);
    }
  auto bound_orgs = orgs;
  index.bind(bound_orgs);
  const auto toks = tokenize(text, 0, text.size(), &index);
  for (std::size_t i = 0; i <= toks.size(); ++i) {
    CHECK(orgs.longest_at(toks, i).length == bound_orgs.longest_at(toks, i).length);
    CHECK(orgs.longest_ending_at(toks, i).length == bound_orgs.longest_ending_at(toks, i).length);
  }

  // A word no role holds: the map cannot be covered, stays unbound, and still finds it.
  auto extra = function;
  extra.insert("zorblax");
  auto bound_extra = extra;
  index.bind(bound_extra);
  CHECK(bound_extra.role_mask() == all_roles);
  CHECK(bound_extra.contains(toks.back()));
  CHECK(same_answers(extra, bound_extra, text, index));

  // Part of a role only ("the" without the other function words): that role cannot stand for the
  // map, whose words then have no covering role.
  crosscheck::detail::word_set the;
  the.insert("the");
  auto bound_the = the;
  index.bind(bound_the);
  CHECK(bound_the.role_mask() == all_roles);
  CHECK(same_answers(the, bound_the, text, index));

  // A word added after binding unbinds the map.
  index.bind(bound);
  bound.insert("zorblax");
  CHECK(bound.role_mask() == all_roles);
  CHECK(bound.contains(toks.back()));
}

TEST_CASE("tokenize: a word's id and roles are the index's, whatever its length and the path that read it", "[lexical]") {
  // Words of 1 to 20 bytes in the index, and their neighbours not in it (one byte more, one less,
  // one changed): tokenize looks a short plain word up by its 16 bytes as two chunks
  // (word_index::short_table), any other by its bytes (find); both must give the entry of the same word.
  crosscheck::rule_set rules = crosscheck_test::rules();
  std::string text;
  const std::string letters = "qzxjkvwqzxjkvwqzxjkvwq";
  for (std::size_t n = 1; n <= 20; ++n) {
    const std::string w = letters.substr(0, n);
    rules.english.function_words.push_back(w + "\xc3\xa9");  // a non-ASCII word too
    rules.english.function_words.push_back(w);
    std::string other = w;
    other[n / 2] = 'a';
    for (const std::string& t : {w, w + "\xc3\xa9", w + "b", w.substr(0, n - 1), other, w + "'s", w + "9"})
      text += t + (n % 2 ? " " : ", ");
  }
  // And near the stretch's end, where the 16-byte compare does not reach.
  text += letters.substr(0, 3);
  rules.index_words();
  const auto* index = rules.word_ids();
  REQUIRE(index);
  const auto toks = tokenize(text, 0, text.size(), index);
  REQUIRE(toks.size() > 100);
  std::size_t known = 0;
  for (const auto& t : toks.tokens()) {
    INFO(t.lower);
    const auto* e = index->find(t.lower, crosscheck::detail::word_hash(t.lower));
    CHECK(t.id == (e ? e->id : 0u));
    CHECK(t.roles == (e ? e->roles : crosscheck::detail::any_role));
    known += e != nullptr;
    const auto* s = index->find(t.stem(), crosscheck::detail::word_hash(t.stem()));
    CHECK(t.stem_id == (s ? s->id : 0u));
    CHECK(t.stem_roles == (s ? s->roles : crosscheck::detail::any_role));
  }
  CHECK(known >= 40);
}

TEST_CASE("word_index: a vocabulary of more than 65,535 words keeps every word's own id", "[lexical]") {
  // A gazetteer may hold that many words: the ids must not wrap (they did once stand in 16 bits).
  crosscheck::rule_set rules = crosscheck_test::rules();
  for (int k = 0; k < 70000; ++k) rules.english.function_words.push_back("w" + std::to_string(k));
  REQUIRE_NOTHROW(rules.index_words());
  const auto& ix = *rules.word_ids();
  const std::string text = "w3 w69999 w65539";
  const auto toks = crosscheck::detail::tokenize(text, 0, text.size(), &ix);
  REQUIRE(toks.size() == 3);
  for (const auto& t : toks.tokens()) {
    const auto* e = ix.find(t.lower, t.hash);
    REQUIRE(e != nullptr);
    CHECK(t.id == e->id);
    CHECK(t.stem_id == e->id);
  }
  CHECK(toks[1].id > 65535u);
  CHECK(toks[1].id != toks[2].id);
  CHECK(toks[0].id != toks[2].id);
}

TEST_CASE("word_index: words whose 16-bit tags agree are told apart by their bytes", "[lexical]") {
  // The table keeps 16 bits of each word's hash (its tag), and a word is looked up from the slot
  // its hash's low bits give. Words not in the index are searched for that start at the same slot
  // as a word of the index, with the same tag and size: only the words' bytes tell them apart.
  // Letters only ("w" and k in base 26), so that they are read as plain words, with one compare
  // (word_index::short_table), as most words are; a word with a digit is looked up by find().
  auto word = [](char first, int k) {
    std::string w(1, first);
    do {
      w += static_cast<char>('a' + k % 26);
      k /= 26;
    } while (k > 0);
    return w;
  };
  crosscheck::rule_set rules = crosscheck_test::rules();
  std::string in_index;
  for (int k = 0; k < 70000; ++k) {
    rules.english.function_words.push_back(word('w', k));
    in_index += word('w', k) + " ";
  }
  rules.index_words();
  const auto& ix = *rules.word_ids();
  using crosscheck::detail::word_hash;
  using crosscheck::detail::word_index;
  // The table has a power of two slots, at least twice the words: 2^18 here, so that words
  // whose hashes agree in their low 18 bits start at the same slot.
  REQUIRE(ix.size() < (std::size_t{1} << 17));
  auto key = [](const std::string& w) {
    const std::uint64_t h = word_hash(w);
    return (h & 0x3FFFF) | std::uint64_t{word_index::tag_of(h)} << 18 | std::uint64_t{w.size()} << 34;
  };
  std::set<std::uint64_t> keys;
  for (int k = 0; k < 70000; ++k) keys.insert(key(word('w', k)));
  std::string twins;
  int found = 0;
  for (int j = 0; j < 4000000 && found < 4; ++j) {
    const std::string w = word('v', j);
    if (keys.count(key(w))) {
      twins += w + " ";
      ++found;
    }
  }
  REQUIRE(found > 0);
  const auto unknown = crosscheck::detail::tokenize(twins, 0, twins.size(), &ix);
  REQUIRE(unknown.size() == static_cast<std::size_t>(found));
  for (const auto& t : unknown.tokens()) {
    INFO(t.lower);
    CHECK(t.id == 0);
    CHECK(t.roles == crosscheck::detail::any_role);
    CHECK(ix.find(t.lower, t.hash) == nullptr);
  }

  // And every word of the index has its own id.
  const auto known = crosscheck::detail::tokenize(in_index, 0, in_index.size(), &ix);
  REQUIRE(known.size() == 70000);
  std::set<std::uint32_t> ids;
  bool all_found = true;
  for (const auto& t : known.tokens()) {
    const auto* e = ix.find(t.lower, t.hash);
    all_found = all_found && e != nullptr && e->id == t.id && t.id != 0;
    ids.insert(t.id);
  }
  CHECK(all_found);
  CHECK(ids.size() == 70000);
}

TEST_CASE("word_index: a rule_set edited by hand is re-indexed on request", "[lexical]") {
  crosscheck::rule_set rules = crosscheck_test::rules();
  const auto* before = rules.word_ids();
  rules.english.function_words.push_back("zorblax");
  CHECK(rules.word_ids() == before);  // not yet
  rules.index_words();
  REQUIRE(rules.word_ids() != before);
  const std::string text = "zorblax";
  const auto toks = tokenize(text, 0, text.size(), rules.word_ids());
  CHECK(toks[0].id != 0u);
  CHECK(toks[0].roles != crosscheck::detail::any_role);
}

TEST_CASE("word_index: a vocabulary edited by hand and not re-indexed still gives its claims", "[lexical]") {
  // A new title whose words no index holds: with the stale index the title matcher stays on its
  // Bloom test; re-indexed, it is bound. Both find the title, and the same claims.
  auto person_roles = [](const crosscheck::rule_set& rules) {
    crosscheck::document d;
    d.id = "t";
    d.text = "Grand Vizier Jafar Haddad arrived in Hanoi. The minister met him.";
    crosscheck::prepare(d, rules);
    std::vector<crosscheck::claim> out;
    crosscheck::default_extractors(rules).extract(d, out);
    std::vector<std::string> roles;
    for (const auto& c : out)
      if (const auto* r = std::get_if<crosscheck::role_value>(&c.val)) roles.push_back(c.subject.str() + "=" + r->role.str());
    return roles;
  };
  crosscheck::rule_set stale = crosscheck_test::rules();
  REQUIRE(!stale.people.roles.empty());
  stale.people.roles.front().titles.push_back("grand vizier");
  const std::string role = stale.people.roles.front().id;  // head_of_state
  crosscheck::rule_set fresh = stale;
  fresh.index_words();
  const auto a = person_roles(stale);
  const auto b = person_roles(fresh);
  CHECK(a == b);
  CHECK(std::find(a.begin(), a.end(), "person:jafar haddad=" + role) != a.end());
}

TEST_CASE("word_index: extractors built before the rules are indexed again keep their index", "[lexical]") {
  // The extractors hold the index they were built with: indexing the rules again (here the only
  // owner of their index) must not leave them reading a freed one (ASan builds would catch it).
  crosscheck::rule_set rules = crosscheck_test::rules();
  rules.index_words();  // an index that no other rule_set shares
  const crosscheck::extractor_set extractors = crosscheck::default_extractors(rules);
  auto claims = [&] {
    crosscheck::document d;
    d.id = "t";
    d.text = "President Kim Jong Un arrived in Hanoi at 8:15 a.m. on March 2 with 12 officials.";
    crosscheck::prepare(d, rules);
    std::vector<crosscheck::claim> out;
    extractors.extract(d, out);
    std::vector<std::string> ids;
    for (const auto& c : out) ids.push_back(c.id.str() + " " + crosscheck::to_string(c.val));
    return ids;
  };
  const auto before = claims();
  REQUIRE(before.size() >= 3);
  const auto* old_index = rules.word_ids();
  rules.index_words();
  REQUIRE(rules.word_ids() != old_index);
  CHECK(claims() == before);
}

namespace {

// Tokens as the header describes them, read byte by byte: the reference the block-wise
// tokenize() is checked against.
struct plain_token {
  std::size_t begin, end;
  bool capitalized, has_digit, has_hyphen;
};
bool word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}
bool digit(char c) { return c >= '0' && c <= '9'; }
std::string ascii_lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}
std::vector<plain_token> plain_tokens(std::string_view text, std::size_t begin, std::size_t end) {
  std::vector<plain_token> out;
  std::size_t i = begin;
  while (i < end) {
    if (!word_byte(text[i])) {
      ++i;
      continue;
    }
    plain_token t{i, i, false, false, false};
    while (i < end) {
      const char c = text[i];
      if (word_byte(c)) {
        t.has_digit = t.has_digit || digit(c);
        ++i;
        continue;
      }
      const bool next_word = i + 1 < end && word_byte(text[i + 1]);
      const bool joins = c == '\'' || c == '-' || c == '.' ||
                         ((c == ':' || c == ',') && i + 1 < end && digit(text[i - 1]) && digit(text[i + 1]));
      if (!next_word || !joins) break;
      t.has_hyphen = t.has_hyphen || c == '-';
      ++i;
    }
    t.end = i;
    const auto c0 = static_cast<unsigned char>(text[t.begin]);
    const auto c1 = t.begin + 1 < end ? static_cast<unsigned char>(text[t.begin + 1]) : 0;
    t.capitalized = (c0 >= 'A' && c0 <= 'Z') || (c0 == 0xC3 && c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97);
    out.push_back(t);
  }
  return out;
}

// A text of words and separators of every byte class: letters of both cases, digits, joiners
// between words and at their ends, UTF-8 (a Latin-1 capital, the sign U+00D7, other letters),
// words of 1 to 40 bytes.
std::string random_text(std::mt19937& rng, std::size_t words) {
  static const std::string pieces[] = {"a", "B", "z", "Q", "7", "0", "'", "'s", "-", ".", ":", ",", " ", "  ",
                                       "\xC3\x96", "\xC3\x97", "\xC3\xA9", "\xE2\x80\x94", "\t", ";", "\"", "("};
  std::string text;
  for (std::size_t w = 0; w < words; ++w) {
    const std::size_t len = std::uniform_int_distribution<std::size_t>(0, 40)(rng);
    for (std::size_t k = 0; k < len; ++k) {
      const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, std::size(pieces) + 25)(rng);
      // Mostly letters, so that long words happen.
      text += pick < std::size(pieces) ? pieces[pick] : std::string(1, static_cast<char>('a' + (pick - std::size(pieces))));
    }
    text += ' ';
  }
  return text;
}

}  // namespace

TEST_CASE("tokenize: the tokens of a byte-by-byte reading, at every offset and length", "[lexical]") {
  std::mt19937 rng(20261201);
  for (int round = 0; round < 300; ++round) {
    const std::string text = random_text(rng, 1 + static_cast<std::size_t>(round % 40));
    // A stretch of the text, up to its very end (ASan builds check that no byte after the heap copy
    // is read).
    const auto copy = std::make_unique<std::string>(text);
    const std::size_t begin = std::uniform_int_distribution<std::size_t>(0, text.size() / 3)(rng);
    const std::size_t end = round % 3 == 0 ? text.size() : std::uniform_int_distribution<std::size_t>(begin, text.size())(rng);
    const auto toks = tokenize(*copy, begin, end);
    const auto want = plain_tokens(text, begin, end);
    REQUIRE(toks.size() == want.size());
    for (std::size_t k = 0; k < want.size(); ++k) {
      INFO("round " << round << " token " << k);
      const auto& t = toks[k];
      REQUIRE(t.begin == want[k].begin);
      REQUIRE(t.end == want[k].end);
      CHECK(t.lower == ascii_lowered(std::string_view(text).substr(t.begin, t.end - t.begin)));
      CHECK(t.capitalized == want[k].capitalized);
      CHECK(t.has_digit == want[k].has_digit);
      CHECK(t.has_hyphen == want[k].has_hyphen);
      CHECK(t.stem() == crosscheck::detail::possessive_stem(t.lower));
      CHECK(t.possessive == (t.stem().size() != t.lower.size()));
      // The hashes tokenize stores are word_hash's, whatever the word's length and bytes.
      CHECK(t.hash == crosscheck::detail::word_hash(t.lower));
      // A possessive is found by its stem: the same hash as the stem read as a word of its own.
      const std::string stem(t.stem());
      const auto alone = tokenize(stem, 0, stem.size());
      if (alone.size() == 1u) CHECK(t.stem_hash() == alone[0].hash);
    }
  }
}

TEST_CASE("word_hash: equal for equal words, apart for others", "[lexical]") {
  using crosscheck::detail::word_hash;
  // Every length from 0 to 40, ASCII and not: the hash of a word depends on its bytes only (not
  // on what follows it in memory), and two different words of the set never share one.
  std::mt19937 rng(7);
  std::vector<std::uint64_t> hashes;
  std::vector<std::string> seen;
  for (std::size_t n = 0; n <= 40; ++n)
    for (int round = 0; round < 200; ++round) {
      std::string w;
      for (std::size_t k = 0; k < n; ++k)
        w += static_cast<char>(round % 2 ? std::uniform_int_distribution<int>('a', 'z')(rng)
                                         : std::uniform_int_distribution<int>(1, 255)(rng));
      const auto own = std::make_unique<std::string>(w + "xyz");  // the same bytes, followed by others
      CHECK(word_hash(w) == word_hash(std::string_view(*own).substr(0, n)));
      seen.push_back(w);
    }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  for (const auto& w : seen) hashes.push_back(word_hash(w));
  std::sort(hashes.begin(), hashes.end());
  CHECK(std::adjacent_find(hashes.begin(), hashes.end()) == hashes.end());
  // A zero byte is a byte like any other.
  CHECK(word_hash(std::string_view("a\0", 2)) != word_hash("a"));
  CHECK(word_hash(std::string_view("\0", 1)) != word_hash(""));
  // One changed byte anywhere in a word of any length changes the hash.
  const std::string base = "abcdefghijklmnopqrstuvwxyz0123456789-abcd";
  for (std::size_t n = 1; n <= base.size(); ++n)
    for (std::size_t k = 0; k < n; ++k) {
      std::string c = base.substr(0, n);
      c[k] = '#';
      CHECK(word_hash(c) != word_hash(base.substr(0, n)));
    }
}

TEST_CASE("phrase_matcher: bound to the index, matches by word id as by word", "[lexical]") {
  // Title phrases (several words each, inner words such as "of"), bound: the walk goes by word
  // ids over tokens read with the index, and by words over tokens read without one.
  const auto& rules = crosscheck_test::rules();
  const crosscheck::detail::word_index& index = *rules.word_ids();
  phrase_matcher titles;
  int payload = 0;
  for (const auto& role : rules.people.roles)
    for (const auto& t : role.titles) titles.add(t, ++payload);
  auto bound = titles;
  index.bind(bound);
  std::string text = "The Prime Minister of Japan met the Deputy Prime Minister, the minister of the interior "
                     "and Minister zorblax of state and the Foreign Minister";
  for (const auto& role : rules.people.roles)
    for (const auto& t : role.titles) text += " said " + t + " and the " + t + "'s aide";
  const auto with_ids = tokenize(text, 0, text.size(), &index);
  const auto without = tokenize(text, 0, text.size());
  std::size_t matched = 0;
  for (std::size_t i = 0; i <= with_ids.size(); ++i) {
    const auto a = titles.longest_at(with_ids, i);
    const auto b = bound.longest_at(with_ids, i);
    CHECK(a.length == b.length);
    CHECK(a.payload == b.payload);
    CHECK(bound.longest_at(without, i).length == a.length);
    const auto c = titles.longest_ending_at(with_ids, i);
    const auto d = bound.longest_ending_at(with_ids, i);
    CHECK(c.length == d.length);
    CHECK(c.payload == d.payload);
    CHECK(bound.longest_ending_at(without, i).length == c.length);
    matched += a.length > 1;
  }
  CHECK(matched > rules.people.roles.size());  // phrases of several words were walked
  // A phrase added after binding is found too.
  bound.add("zorblax of state", 999);
  std::size_t at = 0;
  while (at < with_ids.size() && with_ids[at].lower != "zorblax") ++at;
  const auto z = bound.longest_at(with_ids, at);
  CHECK(z.length == 3u);
  CHECK(z.payload == 999);
}

namespace {

// The summary a pass may test instead of the tokens, worked out from the tokens themselves.
crosscheck::detail::token_summary summary_of(crosscheck::detail::token_span toks) {
  crosscheck::detail::token_summary s;
  for (const auto& t : toks) {
    s.roles |= t.roles;
    s.stem_roles |= t.stem_roles;
    s.any_capitalized = s.any_capitalized || t.capitalized;
    s.any_digit = s.any_digit || t.has_digit;
    s.any_hyphen = s.any_hyphen || t.has_hyphen;
    s.any_joiner = s.any_joiner || t.lower.find_first_of("'-.:,") != std::string_view::npos;
  }
  return s;
}

bool same_summary(const crosscheck::detail::token_summary& a, const crosscheck::detail::token_summary& b) {
  return a.roles == b.roles && a.stem_roles == b.stem_roles && a.any_capitalized == b.any_capitalized &&
         a.any_digit == b.any_digit && a.any_hyphen == b.any_hyphen && a.any_joiner == b.any_joiner;
}

}  // namespace

TEST_CASE("token_summary: what a sentence's tokens hold together, for a pass to skip it", "[lexical]") {
  const crosscheck::detail::word_index* index = crosscheck_test::rules().word_ids();
  REQUIRE(index);
  crosscheck::document d;
  d.id = "t";
  d.text =
      "Kim met Putin at 2:46 a.m. on Wednesday. Putin's talks ran long. It rained. "
      "A two-day summit of 10,000 people followed; nobody said so.";
  crosscheck::prepare(d, crosscheck_test::rules());
  REQUIRE(d.sentences.size() >= 4);
  const crosscheck::detail::document_tokens shared(d, index);
  std::size_t with_digit = 0, with_possessive = 0, rain = d.sentences.size();
  for (std::size_t s = 0; s < d.sentences.size(); ++s) {
    INFO("sentence " << s);
    const auto& toks = shared[s];
    const auto& got = shared.summary(s);
    CHECK(same_summary(got, summary_of(toks)));
    with_digit += got.any_digit;
    for (const auto& t : toks) {
      with_possessive += t.possessive;
      if (t.lower == "rained") rain = s;
    }
    // A pass run alone reads the sentence into a token_list: the same summary.
    const crosscheck::detail::token_list alone = tokenize(d.normalized, d.sentences[s].normalized.begin,
                                                          d.sentences[s].normalized.end, index);
    CHECK(same_summary(alone.summary(), got));
  }
  // The text has sentences of each kind, so that both answers of the flags are seen.
  CHECK(with_digit >= 1);
  CHECK(with_digit < d.sentences.size());
  CHECK(with_possessive >= 1);
  CHECK(shared.summary(0).any_capitalized);
  CHECK(shared.summary(0).any_joiner);
  CHECK_FALSE(tokenize("it rained", 0, 9, index).summary().any_capitalized);
  // A weekday's role: in the first sentence's roles; not all of its bits in "It rained." (a pass
  // looking for weekdays may skip that sentence on its summary).
  const auto* weekday = index->find("wednesday", crosscheck::detail::word_hash("wednesday"));
  REQUIRE(weekday);
  REQUIRE(rain < d.sentences.size());
  CHECK((shared.summary(0).roles & weekday->roles) == weekday->roles);
  CHECK((weekday->roles & ~shared.summary(rain).roles) != 0);
  // Tokens read without an index may have any role.
  const auto plain = tokenize(d.normalized, 0, d.normalized.size());
  CHECK(plain.summary().roles == crosscheck::detail::all_roles);
  CHECK(plain.summary().stem_roles == crosscheck::detail::all_roles);
  // An empty stretch holds nothing.
  const auto none = tokenize(d.normalized, 3, 3, index);
  CHECK(same_summary(none.summary(), crosscheck::detail::token_summary{}));
}

TEST_CASE("tokenize: the end mark is put back and nothing outside the stretch is written", "[lexical]") {
  // Sentence after sentence lowered into one copy, out of order: each tokenize writes its end mark
  // over the next byte and must put it back.
  const std::string text = "Alpha Beta. Gamma Delta. Epsilon Zeta.";
  std::vector<char> lowered(text.size() + crosscheck::detail::lowered_padding, '#');
  std::vector<crosscheck::detail::token> toks;
  tokenize(text, 12, 24, lowered.data() + 12, toks);
  CHECK(lowered[24] == '#');
  CHECK(lowered[11] == '#');
  tokenize(text, 0, 12, lowered.data(), toks);
  CHECK(std::string_view(lowered.data(), 24) == "alpha beta. gamma delta.");
  REQUIRE(toks.size() == 2);
  CHECK(toks[1].lower == "beta");
  tokenize(text, 24, text.size(), lowered.data() + 24, toks);
  CHECK(lowered[text.size()] == '#');
  CHECK(std::string_view(lowered.data(), text.size()) == "alpha beta. gamma delta. epsilon zeta.");
}

TEST_CASE("tokenize: a word ends at the stretch's end, whatever the bytes after it in the copy", "[lexical]") {
  // A word is read sixteen bytes at a time, past the stretch's end mark into the padding that
  // the caller gives (lowered_padding), where document_tokens has the next sentence's bytes,
  // lowered already or not. Whatever they are (letters that would continue the word, digits,
  // joiners), the last word ends at the stretch's end, with the id, roles and hash of its own
  // bytes: the same tokens as a fresh token_list's, whose padding is zeroed.
  crosscheck::rule_set rules = crosscheck_test::rules();
  for (const char* w : {"spokeswoman", "internationalization", "abcdefghijklmnop"})
    rules.english.function_words.push_back(w);
  rules.index_words();
  const auto* index = rules.word_ids();
  REQUIRE(index);
  const std::string fillers[] = {std::string(16, 'x'), std::string(16, '7'), "'s-.:,xxxxxxxxxxx", std::string(16, '\0'),
                                 "\xC3\x96\xC3\xA9zzzzzzzzzzzz"};
  const std::string words[] = {"a", "Minister", "president", "spokeswoman", "PresidentX", "abcdefghijklmnop",
                               "abcdefghijklmnopq", "internationalization", "2:46", "Putin's", "mid-May"};
  for (const auto& w : words) {
    const std::string text = "The " + w;
    const auto fresh = tokenize(text, 0, text.size(), index);
    for (const auto& filler : fillers) {
      INFO("word '" << w << "', bytes after it '" << filler << "'");
      std::vector<char> lowered(text.size() + crosscheck::detail::lowered_padding);
      std::copy(filler.begin(), filler.begin() + crosscheck::detail::lowered_padding, lowered.begin() + text.size());
      std::vector<crosscheck::detail::token> toks;
      crosscheck::detail::token_summary summary;
      tokenize(text, 0, text.size(), lowered.data(), toks, index, &summary);
      REQUIRE(toks.size() == fresh.size());
      REQUIRE(toks.size() == 2);
      for (std::size_t k = 0; k < toks.size(); ++k) {
        CHECK(toks[k].begin == fresh[k].begin);
        CHECK(toks[k].end == fresh[k].end);
        CHECK(toks[k].lower == fresh[k].lower);
        CHECK(toks[k].hash == crosscheck::detail::word_hash(toks[k].lower));
        CHECK(toks[k].id == fresh[k].id);
        CHECK(toks[k].roles == fresh[k].roles);
        CHECK(toks[k].stem_id == fresh[k].stem_id);
        CHECK(toks[k].capitalized == fresh[k].capitalized);
      }
      CHECK(toks[1].end == text.size());
      CHECK(summary.roles == fresh.summary().roles);
      // The bytes after the stretch are the caller's, as they were.
      CHECK(std::equal(filler.begin(), filler.begin() + crosscheck::detail::lowered_padding, lowered.begin() + text.size()));
    }
  }
}
