// The shared lexical layer (lib/extract/lexical.hpp, token_pass.hpp): phrase matching over
// tokens, and the per-thread reuse of a document's token buffers.
#include <catch2/catch.hpp>

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
  CHECK(toks[0].stem_hash == crosscheck::detail::word_hash("putin"));
  CHECK(toks[0].hash == crosscheck::detail::word_hash("putin's"));
  CHECK(!toks[1].possessive);  // a final apostrophe is no part of the token
  CHECK(toks[1].stem() == "aides");
  CHECK(!toks[2].possessive);
  CHECK(toks[2].stem_hash == toks[2].hash);
  CHECK(toks[3].possessive);  // "1990's": the word is cut as any other
  CHECK(toks[3].stem() == "1990");
  CHECK(!toks[4].possessive);  // apostrophes inside, no "'s" at the end
  CHECK(toks[4].stem() == "rock'n'roll");
  CHECK(toks[4].stem_hash == toks[4].hash);
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
  auto same_as_fresh = [](const crosscheck::document& d, const crosscheck::detail::document_tokens& shared) {
    bool same = true;
    for (std::size_t s = 0; s < d.sentences.size(); ++s) {
      const auto fresh = tokenize(d.normalized, d.sentences[s].normalized.begin, d.sentences[s].normalized.end);
      const auto& got = shared[s];
      same = same && got.size() == fresh.size();
      for (std::size_t k = 0; same && k < fresh.size(); ++k)
        same = got[k].begin == fresh[k].begin && got[k].end == fresh[k].end && got[k].lower == fresh[k].lower &&
               got[k].hash == fresh[k].hash && got[k].stem_hash == fresh[k].stem_hash &&
               got[k].capitalized == fresh[k].capitalized && got[k].has_digit == fresh[k].has_digit &&
               got[k].has_hyphen == fresh[k].has_hyphen && got[k].possessive == fresh[k].possessive;
    }
    return same;
  };
  {
    const crosscheck::detail::document_tokens a(first);
    CHECK(same_as_fresh(first, a));
  }
  {
    const crosscheck::detail::document_tokens b(second);
    CHECK(same_as_fresh(second, b));
    // A second document's tokens alive at the same time get buffers of their own.
    const crosscheck::detail::document_tokens c(first);
    CHECK(same_as_fresh(first, c));
    CHECK(same_as_fresh(second, b));
  }
}
