// The living spec of the article extractor (claim_kind::article) and of the agreement-year
// reader (date claims about documents), in the way of Duckling's corpora.
//
// Articles. A reference is a part word (data/documents.yaml: article, Art., clause, section,
// paragraph, chapter) with a number after it ("Article 4", "article four", "Art. 4") or an
// ordinal before it ("the fourth article"); "paragraph 2 of Article 5" is article 5 paragraph 2.
// Its document is named after "of" ("of the 1961 treaty", "of UN Security Council resolution
// 2270"), else elsewhere in the sentence, else it is the one the text named last. A document is
// keyed "<kind>:<year>": "the 1961 treaty" is treaty:1961, "the new treaty" or "the treaty" with
// no year is the one in the news (the publication year, treaty:2024), "resolution 2270" is
// resolution:2270. The sentence must say what the part provides (documents.provisions:
// "assistance to each other in the event of aggression" -> mutual_assistance); a bare reference
// states nothing to contradict and gives no claim. Each reference gives two claims:
//
//   article.placement  subject "treaty:2024", attribute "article for mutual_assistance",
//                      value "treaty:2024 article 4": sources placing one provision in two
//                      articles conflict.
//   article.provision  subject "treaty:2024 article 4", attribute "provision", value
//                      "mutual_assistance article 4": sources describing one article as two
//                      provisions conflict.
//
// Parts other than articles are kept apart in the value's document ("treaty:2024/clause article
// 3"). "a 23-article treaty" is a count claim: subject the document, attribute "articles".
//
// Agreement years (kind date, year grain): "the 1961 treaty", "the treaty of 1961",
// "agreements from 1961, 2000 and 2001", "a treaty signed with Russia in 2000" -> subject
// "treaty:<year>", attribute "signed"; "The treaty ... was scrapped in 1996" (the treaty named
// last) -> attribute "ended", value 1996 (documents.statuses: signed, ratified, in_force, ended).
//
// Every sentence is read as a document published on Wednesday 2024-06-19.
#include <catch2/catch.hpp>

#include "support/corpus.hpp"

using crosscheck::article_ref;
using crosscheck::claim_kind;
using crosscheck::date_value;
using crosscheck_test::corpus_entries;
using crosscheck_test::examples;
using crosscheck_test::expect_as;

namespace {

article_ref part(std::string document, int number, int paragraph = 0) {
  return article_ref{std::move(document), number, paragraph};
}

// Like check_corpus, but only the claims with the expected attribute are counted: each reference
// gives one claim per attribute (placement and provision), and a sentence may name other years.
void check_attribute_corpus(claim_kind kind, const corpus_entries& corpus) {
  for (const auto& entry : corpus)
    for (std::string sentence : entry.phrasings) {
      const auto open = sentence.find('['), close = sentence.find(']');
      std::string marked;
      std::size_t at = std::string::npos;
      if (open != std::string::npos && close != std::string::npos) {
        marked = sentence.substr(open + 1, close - open - 1);
        at = open;
        sentence.erase(close, 1);
        sentence.erase(open, 1);
      }
      std::vector<crosscheck::claim> found;
      std::string all;
      for (auto& c : crosscheck_test::extract(kind, sentence)) {
        all += "  " + c.subject + " / " + c.attribute + " = " + crosscheck::to_string(c.val) + " <- \"" + c.ev.text + "\" [" +
               c.rule + "]\n";
        if (c.attribute == entry.expected.attribute && (at == std::string::npos || c.ev.begin == at)) found.push_back(c);
      }
      INFO("sentence: " << sentence << "\nexpected: " << entry.expected.subject << " / " << entry.expected.attribute
                        << " = " << crosscheck::to_string(entry.expected.val) << "\nfound:\n"
                        << all);
      REQUIRE(found.size() == 1u);
      CHECK(found[0].subject == entry.expected.subject);
      CHECK(crosscheck::to_string(found[0].val) == crosscheck::to_string(entry.expected.val));
      if (!marked.empty()) CHECK(found[0].ev.text == marked);
      CHECK(!found[0].rule.empty());
    }
}

const corpus_entries placements = {
    examples(expect_as("treaty:2024", "article for mutual_assistance", part("treaty:2024", 4)),
             {
                 // wire copy, quoting a minister
                 "In accordance with [article four] of the treaty, there is an agreement to provide assistance to each other "
                 "in the event of aggression against any contracting country.",
                 "[Article 4] of the new treaty provides for mutual assistance if either side is attacked.",
                 "Under [Art. 4] of the pact, the two countries must come to each other's aid.",
                 "[The fourth article] of the agreement commits both sides to mutual defence.",
                 // headline
                 "Lavrov: [article four] of new pact covers mutual assistance",
                 // live blog
                 "14.20 BST: Mutual military assistance is set out in [Article 4] of the treaty, TASS reported.",
                 // translated state media
                 "The sides shall render military assistance to each other under [Article 4] of the Treaty on "
                 "Comprehensive Strategic Partnership.",
             }),
    examples(expect_as("treaty:2024", "article for mutual_assistance", part("treaty:2024", 4, 2)),
             {
                 "[Paragraph 2 of Article 4] of the treaty provides for mutual assistance.",
             }),
    examples(expect_as("treaty:1961", "article for mutual_assistance", part("treaty:1961", 1)),
             {
                 "[Article 1] of the 1961 treaty obliged each party to render immediate military assistance.",
                 "Mutual military assistance was the subject of [Article 1] of the treaty of 1961.",
             }),
    examples(expect_as("treaty:2024", "clause for trade", part("treaty:2024/clause", 3)),
             {
                 "[Clause 3] of the agreement covers trade and economic cooperation.",
             }),
    examples(expect_as("treaty:2024", "section for technology_transfer", part("treaty:2024/section", 12)),
             {
                 "[Section 12] of the accord deals with the transfer of technology.",
             }),
    examples(expect_as("resolution:2270", "paragraph for sanctions", part("resolution:2270/paragraph", 8)),
             {
                 "[Paragraph 8] of UN Security Council resolution 2270 imposes sanctions on arms exports.",
             }),
};

const corpus_entries provisions = {
    examples(expect_as("treaty:2024 article 4", "provision", part("mutual_assistance", 4)),
             {
                 "In accordance with [article four] of the treaty, there is an agreement to provide assistance to each other "
                 "in the event of aggression against any contracting country.",
                 "Lavrov said [article four] of the treaty covers mutual assistance.",
             }),
    examples(expect_as("treaty:2024 article 4", "provision", part("trade", 4)),
             {
                 "[Article 4] of the new treaty deals with trade, a Kremlin aide said.",
             }),
};

const std::vector<std::string> not_articles = {
    "Related Article",
    "This article is more than 3 months old",
    "In the article, titled \"Russia and the DPRK\", Putin spoke highly of North Korea.",
    "Putin published an article in Rodong Sinmun on Tuesday.",
    "Putin signed Article 4 of the treaty.",
    "The treaty includes a mutual defence clause.",
    "Most viewed articles",
    "Section 5 of the law was amended on Tuesday.",
    "He read the fourth paragraph aloud.",
    "Articles 1 to 3 were not published.",
};

const corpus_entries agreement_years = {
    examples(expect_as("treaty:1961", "signed", date_value::of_year(1961)),
             {
                 "The pact revives the automatic military intervention clause of the [1961] treaty.",
                 "The new partnership will replace previous agreements from [1961], 2000 and 2001, according to TASS.",
                 "Unlike a [1961] document between the Soviet Union and North Korea, it made no mention of defence.",
                 "The treaty of [1961] bound Moscow to defend Pyongyang.",
             }),
    examples(expect_as("treaty:2000", "signed", date_value::of_year(2000)),
             {
                 "The new partnership will replace previous agreements from 1961, [2000] and 2001, according to TASS.",
                 "Relations were demoted to cooperation in a treaty signed with Russia in [2000].",
                 "The [2000] cooperation agreement contained no promise of mutual military assistance.",
                 "It will replace previous treaties and other declarations signed in [2000] and 2001, the Kremlin said.",
                 "In [2000], the two countries also signed a new cooperation agreement.",
             }),
    examples(expect_as("treaty:2001", "signed", date_value::of_year(2001)),
             {
                 "It will replace previous treaties and other declarations signed in 2000 and [2001], the Kremlin said.",
             }),
    examples(expect_as("treaty:1961", "ended", date_value::of_year(1996)),
             {
                 "The clause was part of a 1961 treaty between North Korea and the Soviet Union. The treaty — and the "
                 "military intervention clause — was scrapped in [1996].",
                 "Analysts recalled the 1961 treaty. That treaty, clause included, was abolished in [1996].",
             }),
};

const std::vector<std::string> not_agreement_years = {
    "Putin first visited Pyongyang in 2000.",
    "The treaty was signed on Wednesday.",
    "In 2001, Kim Jong Il took a train to Moscow.",
    "Kim Jong-un has ruled since 2011.",
    "In 2000, agreements were signed with China.",
    "Trade grew until 1997 and agreements followed.",
};

}  // namespace

TEST_CASE("article: where a provision stands", "[corpus][article]") {
  check_attribute_corpus(claim_kind::article, placements);
}

TEST_CASE("article: what a numbered part provides", "[corpus][article]") {
  check_attribute_corpus(claim_kind::article, provisions);
}

TEST_CASE("article: references that state nothing, and words that are no references", "[corpus][article]") {
  crosscheck_test::check_negative(claim_kind::article, not_articles);
}

TEST_CASE("article: two sources placing one provision in two articles conflict, and so does one article read as two provisions",
          "[corpus][article]") {
  auto claims = crosscheck_test::extract(claim_kind::article, "Article 4 of the new treaty provides for mutual assistance.");
  auto other = crosscheck_test::extract(claim_kind::article, "Article 5 of the new treaty provides for mutual assistance.");
  auto trade = crosscheck_test::extract(claim_kind::article, "Article 4 of the new treaty covers trade.");
  REQUIRE(claims.size() == 2u);
  REQUIRE(other.size() == 2u);
  REQUIRE(trade.size() == 2u);
  for (auto& c : other) c.ev.document = "other.txt";
  for (auto& c : trade) c.ev.document = "third.txt";
  claims.insert(claims.end(), other.begin(), other.end());
  claims.insert(claims.end(), trade.begin(), trade.end());
  const auto r = crosscheck::reconcile(claims, crosscheck_test::rules());
  bool placement = false, provision = false;
  for (const auto& c : r.conflicts) {
    const auto& s = r.slots[c.slot];
    placement = placement || (s.subject == "treaty:2024" && s.attribute == "article for mutual_assistance");
    provision = provision || (s.subject == "treaty:2024 article 4" && s.attribute == "provision");
  }
  CHECK(placement);
  CHECK(provision);
}

TEST_CASE("article: the size of a document is a count", "[corpus][article]") {
  const auto claims = crosscheck_test::extract(claim_kind::count, "The sides signed a 23-article treaty on Wednesday.");
  REQUIRE(claims.size() == 1u);
  CHECK(claims[0].subject == "treaty:2024");
  CHECK(claims[0].attribute == "articles");
  CHECK(crosscheck::to_string(claims[0].val) == "23");
  CHECK(claims[0].ev.text == "23-article");
}

TEST_CASE("agreement: agreements and their years", "[corpus][agreement]") {
  check_attribute_corpus(claim_kind::date, agreement_years);
}

TEST_CASE("agreement: years that date no agreement", "[corpus][agreement]") {
  for (const auto& s : not_agreement_years) {
    const auto claims = crosscheck_test::extract(claim_kind::date, s);
    INFO("sentence: " << s);
    for (const auto& c : claims) CHECK(c.rule.rfind("agreement.", 0) != 0);
  }
}

// A sentence with no number still names documents for the next ones: the number pass drops
// such a sentence only when it names none. Here the second sentence names the 1961 treaty
// again, so that the fifth, four sentences after the first, still knows which treaty it means.
TEST_CASE("agreement: a document named in a sentence with no number is remembered", "[corpus][agreement]") {
  const auto ended = [](const std::string& second) {
    const std::string text = "Analysts recalled the 1961 treaty. " + second +
                             " Nothing changed. The talks went on. That treaty was scrapped in 1996.";
    std::vector<crosscheck::claim> found;
    for (const auto& c : crosscheck_test::extract(claim_kind::date, text))
      if (c.rule == "agreement.status") found.push_back(c);
    return found;
  };
  const auto named = ended("Officials spoke at length about the old treaty.");
  REQUIRE(named.size() == 1u);
  CHECK(named[0].subject == "treaty:1961");
  CHECK(named[0].attribute == "ended");
  CHECK(crosscheck::to_string(named[0].val) == "1996");
  // Without the second mention, the first is too far back: "That treaty" is not the 1961 one.
  for (const auto& c : ended("Officials spoke at length about it.")) CHECK(c.subject != "treaty:1961");
}

// A sentence with a number but no reference still names documents for the next ones, and the
// last one it names is the one remembered: "the treaty" after it is the 1961 treaty when that
// was named last, and the 2000 agreement (a treaty too) when that was.
TEST_CASE("article: the last document a sentence with a number names is remembered", "[corpus][article]") {
  const auto subject_of = [](const std::string& first) {
    const auto claims = crosscheck_test::extract(
        claim_kind::article, first + " Article 4 of the treaty provides for mutual assistance.");
    REQUIRE(claims.size() == 2u);
    return std::string(claims[0].subject);
  };
  CHECK(subject_of("The 2000 agreement and the 1961 treaty were cited by 3 officials.") == "treaty:1961");
  CHECK(subject_of("The 1961 treaty and the 2000 agreement were cited by 3 officials.") == "treaty:2000");
}

// A sentence that only names a document for the next ones keeps its kind word, and the document
// is read when a later sentence asks which one "the treaty" is: then the newest is read, and the
// ones before it only as far as its key needs them. The answer is the one of reading each at
// once, as the number extractor alone does (its sentences' tokens do not stay for the document).
TEST_CASE("article: documents named for the next sentences are read when asked", "[corpus][article]") {
  const auto subjects = [](const std::string& text) {
    std::vector<std::string> together, alone;
    for (const auto& c : crosscheck_test::extract(claim_kind::article, text)) together.emplace_back(c.subject);
    const auto numbers = crosscheck::make_number_extractor(crosscheck_test::rules());
    std::vector<crosscheck::claim> claims;
    numbers->extract(crosscheck_test::reference_document(text), claims);
    for (const auto& c : claims)
      if (c.kind == claim_kind::article) alone.emplace_back(c.subject);
    CHECK(together == alone);
    REQUIRE(together.size() == 2u);
    return together[0];
  };
  const std::string reference = " Article 4 of the treaty provides for mutual assistance.";
  // Three sentences with no number, each "the treaty" the one before it: the 1961 one.
  CHECK(subjects("Analysts recalled the 1961 treaty. Officials spoke about the old treaty. They praised the pact." +
                 reference) == "treaty:1961");
  // A resolution named between: "the treaty" after it is not the one named before it, but the
  // one in the news (the publication year), as when each was read at once.
  CHECK(subjects("Analysts recalled the 1961 treaty. Officials spoke about the resolution." + reference) ==
        "treaty:2024");
  // The same after a treaty the memory already holds (its year was claimed: the agreement part
  // remembered it at once): the resolution between still comes first.
  CHECK(subjects("Analysts recalled the 1961 treaty. Officials spoke about the resolution. They spoke at length "
                 "about the treaty." +
                 reference) == "treaty:2024");
  // A treaty named with its year ends the chain: the treaty after it is that one.
  CHECK(subjects("Analysts recalled the 1961 treaty. Officials spoke about the 1996 pact. They praised the pact." +
                 reference) == "treaty:1996");
  // A "new" treaty is the one in the news, whatever was named before it.
  CHECK(subjects("Analysts recalled the 1961 treaty. Officials spoke about the new treaty." + reference) ==
        "treaty:2024");
}
