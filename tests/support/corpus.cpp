#include "support/corpus.hpp"

#include <catch2/catch.hpp>

namespace crosscheck_test {

const crosscheck::rule_set& rules() {
  static const crosscheck::rule_set r = crosscheck::rule_set::load(CROSSCHECK_DATA_DIR);
  return r;
}

crosscheck::document reference_document(std::string text, const std::string& published) {
  crosscheck::document d;
  d.id = "corpus.txt";
  d.source = "Test Wire";
  d.text = std::move(text);
  if (!published.empty()) {
    const bool ok = crosscheck::parse_publication_time(published, d.published);
    REQUIRE(ok);
  }
  crosscheck::prepare(d, rules());
  return d;
}

std::vector<crosscheck::claim> extract(crosscheck::claim_kind kind, const std::string& text, const std::string& published) {
  static const crosscheck::extractor_set extractors = crosscheck::default_extractors(rules());
  const crosscheck::document d = reference_document(text, published);
  std::vector<crosscheck::claim> all, of_kind;
  extractors.extract(d, all);
  for (auto& c : all)
    if (c.kind == kind) of_kind.push_back(std::move(c));
  return of_kind;
}

run_result run_on(const std::filesystem::path& folder) {
  run_result r;
  r.docs = crosscheck::load_corpus({folder});
  const auto extractors = crosscheck::default_extractors(rules());
  for (auto& d : r.docs.documents) {
    crosscheck::prepare(d, rules());
    extractors.extract(d, r.claims);
  }
  r.result = crosscheck::reconcile(r.claims, rules());
  return r;
}

namespace {

std::string describe(const std::vector<crosscheck::claim>& claims) {
  if (claims.empty()) return "  (no claim)\n";
  std::string s;
  for (const auto& c : claims)
    s += "  " + c.subject + " / " + c.attribute + " (" + c.occasion + ") = " + crosscheck::to_string(c.val) + "  <- \"" + c.ev.text +
         "\" [" + c.rule + "]" + (c.ev.attribution.empty() ? "" : " (attribution: " + c.ev.attribution + ")") +
         " modality " + std::string(crosscheck::to_string(c.mod)) + "\n";
  return s;
}

// Removes the first [ ] pair; returns the bracketed words' offset and text.
std::optional<std::pair<std::size_t, std::string>> strip_brackets(std::string& s) {
  const auto open = s.find('[');
  const auto close = s.find(']', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return std::nullopt;
  std::string words = s.substr(open + 1, close - open - 1);
  s.erase(close, 1);
  s.erase(open, 1);
  return std::make_pair(open, words);
}

}  // namespace

void check_corpus(crosscheck::claim_kind kind, const corpus_entries& corpus) {
  for (const auto& entry : corpus) {
    for (std::string sentence : entry.phrasings) {
      const auto marked = strip_brackets(sentence);
      const auto claims = extract(kind, sentence, entry.published);
      INFO("sentence: " << sentence << "\nexpected: " << entry.expected.subject << " = "
                        << crosscheck::to_string(entry.expected.val) << "\nfound:\n"
                        << describe(claims));
      REQUIRE(claims.size() == 1u);
      const auto& c = claims.front();
      CHECK(c.subject == entry.expected.subject);
      CHECK(c.attribute == entry.expected.attribute);
      // The normalized text covers type, interval, precision and zone offset (not the zone's name).
      CHECK(crosscheck::type_name(c.val) == crosscheck::type_name(entry.expected.val));
      CHECK(crosscheck::to_string(c.val) == crosscheck::to_string(entry.expected.val));
      if (entry.expected.attribution) CHECK(c.ev.attribution == *entry.expected.attribution);
      if (entry.expected.mod) CHECK(c.mod == *entry.expected.mod);
      if (entry.expected.occasion) CHECK(c.occasion == *entry.expected.occasion);
      CHECK(c.weekday == entry.expected.weekday);
      if (marked) {
        CHECK(c.ev.text == marked->second);
        CHECK(c.ev.begin == marked->first);
      }
      CHECK(c.ev.sentence.find(c.ev.text) != std::string::npos);
      CHECK(!c.rule.empty());
    }
  }
}

void check_negative(crosscheck::claim_kind kind, const std::vector<std::string>& sentences) {
  for (const auto& sentence : sentences) {
    const auto claims = extract(kind, sentence);
    INFO("sentence (must give no claim): " << sentence << "\nfound:\n" << describe(claims));
    CHECK(claims.empty());
  }
}

}  // namespace crosscheck_test
