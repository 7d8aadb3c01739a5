// An extractor_set tokenizes each document once and gives the tokens to every pass that reads
// sentences token by token (lib/extract/token_pass.hpp). Sharing them must change nothing: the
// set's claims are those of its extractors run one by one, each tokenizing on its own. And the
// extractors are immutable (extract.hpp), so one set serves several threads at once.
#include <catch2/catch.hpp>
#include <crosscheck/crosscheck.hpp>

#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace crosscheck;

namespace {

const rule_set& rules() {
  static const rule_set rs = rule_set::load(CROSSCHECK_DATA_DIR);
  return rs;
}

std::vector<document> prepared_samples() {
  auto docs = load_corpus({std::string(CROSSCHECK_DATA_DIR) + "/samples"}).documents;
  for (auto& d : docs) prepare(d, rules());
  return docs;
}

// The claims as JSON lines, ids left out (the set numbers its claims; extractors alone do not).
std::vector<std::string> lines(std::vector<claim> claims) {
  std::vector<std::string> out;
  for (auto& c : claims) {
    c.id = {};
    out.push_back(to_json_line(c));
  }
  return out;
}

std::vector<claim> run_set(const extractor_set& set, const std::vector<document>& docs) {
  std::vector<claim> out;
  for (const auto& d : docs) set.extract(d, out);
  return out;
}

}  // namespace

TEST_CASE("extractor_set: shared tokens give the claims of the extractors run alone", "[extract]") {
  const auto docs = prepared_samples();
  REQUIRE(docs.size() >= 5);
  std::vector<std::unique_ptr<extractor>> alone;
  alone.push_back(make_event_extractor(rules()));
  alone.push_back(make_person_extractor(rules()));
  alone.push_back(make_number_extractor(rules()));
  std::vector<claim> expected;
  for (const auto& d : docs)
    for (const auto& e : alone) e->extract(d, expected);
  REQUIRE(expected.size() > 100);  // every pass finds claims in the samples

  const auto got = run_set(default_extractors(rules()), docs);
  CHECK(lines(got) == lines(expected));
  // The ids number the claims of each document from 1, in the extractors' order.
  REQUIRE(!got.empty());
  CHECK(got.front().id == docs.front().id + "#1");
}

TEST_CASE("extractor_set: one set used by two threads at once gives each the same claims", "[extract]") {
  const auto docs = prepared_samples();
  const extractor_set set = default_extractors(rules());
  const auto expected = lines(run_set(set, docs));
  std::vector<std::string> a, b;
  std::thread ta([&] {
    for (int round = 0; round < 3; ++round) a = lines(run_set(set, docs));
  });
  std::thread tb([&] {
    for (int round = 0; round < 3; ++round) b = lines(run_set(set, docs));
  });
  ta.join();
  tb.join();
  CHECK(a == expected);
  CHECK(b == expected);
}

// The set numbers each document's claims "<document id>#<n>", n from 1 in the order the passes
// give them, whatever the id's length (ids up to 128 bytes are put together on the stack, longer
// ones in a string).
TEST_CASE("extractor_set: claim ids are the document id, '#' and the claim's number", "[extract]") {
  const auto set = default_extractors(rules());
  for (const std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{127}, std::size_t{128},
                                 std::size_t{129}, std::size_t{300}}) {
    document d;
    d.id = std::string(size, 'x');
    if (size > 0) d.id.back() = 'z';
    d.text = "Putin arrived at 2:46 a.m. on Wednesday. Kim met him at 3:10 a.m. with 10 aides.\n";
    prepare(d, rules());
    std::vector<claim> out(1);  // a claim already there keeps its id and does not count
    out[0].id = "earlier#1";
    set.extract(d, out);
    REQUIRE(out.size() >= 3);
    CHECK(out[0].id == "earlier#1");
    for (std::size_t i = 1; i < out.size(); ++i) CHECK(out[i].id == d.id + "#" + std::to_string(i));
  }
}
