// shared_string (crosscheck/shared_string.hpp): an 8-byte immutable string that copies share.
// It must read like a string, share its block when copied (also across threads), and keep the
// claim small: the reconciler's 10^7-claim target needs the claim under about 200 bytes.
#include <catch2/catch.hpp>
#include <crosscheck/crosscheck.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/evidence_texts.hpp"

#include <malloc.h>
#include <cstdlib>

#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <vector>

using namespace crosscheck;

static_assert(sizeof(shared_string) == sizeof(void*), "shared_string is one pointer");
// 192 bytes on 64-bit Debian 12 / g++ 12 (was 520 with std::string fields): 10^7 claims in 1.9 GB.
static_assert(sizeof(claim) <= 200, "the claim must stay compact (docs/BENCHMARKS.md, issue 6)");

TEST_CASE("shared_string reads like a string", "[shared_string]") {
  const shared_string s = "arrival:putin@pyongyang";
  const std::string_view v = s;
  CHECK(v == "arrival:putin@pyongyang");
  CHECK(s.size() == 23);
  CHECK_FALSE(s.empty());
  CHECK(s[0] == 'a');
  CHECK(s.front() == 'a');
  CHECK(s.back() == 'g');
  CHECK(s.find('@') == 13);
  CHECK(s.rfind(':') == 7);
  CHECK(s.substr(14) == "pyongyang");
  CHECK(s.starts_with("arrival"));
  CHECK(s.ends_with("yang"));
  CHECK(s.contains("putin"));
  CHECK(s.compare(0, 7, "arrival") == 0);
  CHECK(std::string(s.begin(), s.end()) == v);
  CHECK(s.str() == "arrival:putin@pyongyang");
  CHECK(std::string(s.c_str()) == v);  // '\0'-terminated
  // Comparisons with every kind of string, both ways round.
  const std::string str = "arrival:putin@pyongyang";
  CHECK(s == str);
  CHECK(str == s);
  CHECK(s == std::string_view(str));
  CHECK(std::string_view(str) == s);
  CHECK(s != "arrival");
  CHECK(s > "arrival");
  CHECK("b" > s);
  CHECK(shared_string("a") < shared_string("b"));
  CHECK(s + "!" == str + "!");
  CHECK("!" + s == "!" + str);
  CHECK(s + '!' == str + '!');
}

TEST_CASE("an empty shared_string holds no block and reads as empty", "[shared_string]") {
  const shared_string a, b = "", c = std::string(), d = std::string_view();
  for (const shared_string* s : {&a, &b, &c, &d}) {
    CHECK(s->empty());
    CHECK(s->size() == 0);
    CHECK(*s == "");
    CHECK(std::string(s->c_str()).empty());
    CHECK(s->shares_with(a));
  }
  const char* null = nullptr;
  CHECK(shared_string(null).empty());
}

TEST_CASE("copies share the block; assignment replaces it, never changes it", "[shared_string]") {
  shared_string a = std::string("Kremlin press service");
  const shared_string b = a;
  CHECK(b.shares_with(a));
  CHECK(b.data() == a.data());
  const shared_string equal_but_separate = std::string_view("Kremlin press service");
  CHECK(equal_but_separate == a);
  CHECK_FALSE(equal_but_separate.shares_with(a));
  a = "TASS";
  CHECK(a == "TASS");
  CHECK(b == "Kremlin press service");  // the old block lives while b holds it
  shared_string moved = std::move(a);
  CHECK(moved == "TASS");
  CHECK(a.empty());  // NOLINT: a moved-from shared_string is empty
  // Claims copied from one another share their texts.
  claim c;
  c.ev.sentence = "Putin arrived at 2:46 a.m. local time.";
  const claim copy = c;
  CHECK(copy.ev.sentence.shares_with(c.ev.sentence));
}

TEST_CASE("shared_string hashes, prints, formats and converts to JSON as its text", "[shared_string]") {
  const shared_string s = "KST";
  CHECK(std::hash<shared_string>()(s) == std::hash<std::string_view>()("KST"));
  std::unordered_set<shared_string> set{s, shared_string("KST"), shared_string("MSK")};
  CHECK(set.size() == 2);
  std::ostringstream os;
  os << '[' << s << ']';
  CHECK(os.str() == "[KST]");
  CHECK(fmt::format("{:>5}|{}", s, shared_string()) == "  KST|");
  nlohmann::json j = s;
  CHECK(j.dump() == "\"KST\"");
  CHECK(j.get<shared_string>() == "KST");
  std::map<shared_string, int> ordered{{"b", 2}, {"a", 1}};
  CHECK(ordered.begin()->first == "a");
}

TEST_CASE("shared_string copies on several threads keep the block alive and correct", "[shared_string]") {
  const shared_string text = std::string(1000, 'x');
  std::vector<std::thread> threads;
  std::vector<std::size_t> sizes(4, 0);
  for (std::size_t t = 0; t < sizes.size(); ++t)
    threads.emplace_back([&, t] {
      std::vector<shared_string> copies;
      for (int k = 0; k < 10000; ++k) copies.push_back(text);
      for (const auto& c : copies) sizes[t] += c.size() == 1000 && c.shares_with(text);
    });
  for (auto& th : threads) th.join();
  for (std::size_t n : sizes) CHECK(n == 10000);
  CHECK(text == std::string(1000, 'x'));
}

// A pool cuts many strings from one allocation; each must still behave as a shared_string of its
// own: read as its text, be shared by copies, outlive the pool, and keep its text while the
// others around it in the same chunk are dropped.
TEST_CASE("shared_string_pool: strings from one allocation behave as any other", "[shared_string]") {
  std::vector<shared_string> kept;
  std::vector<std::string> expected;
  {
    shared_string_pool pool(256);  // small chunks: the strings below fill several
    CHECK(pool.make("").empty());
    const shared_string a = pool.make("reuters-0412#1");
    const shared_string b = pool.make("reuters-0412#2");
    CHECK(a == "reuters-0412#1");
    CHECK(std::string(a.c_str()) == "reuters-0412#1");  // '\0'-terminated
    CHECK(a == shared_string("reuters-0412#1"));
    CHECK_FALSE(a.shares_with(b));
    // One after the other in the same chunk: the second starts right after the first's block.
    CHECK(b.data() - a.data() == static_cast<std::ptrdiff_t>(shared_string_pool::footprint(a.size())));
    const shared_string copy = a;
    CHECK(copy.shares_with(a));
    for (int k = 0; k < 200; ++k) {
      // Short and long texts (a long one gets a block of its own), odd sizes for the padding.
      std::string text(static_cast<std::size_t>(1 + (k * 7) % 40), static_cast<char>('a' + k % 26));
      if (k % 50 == 0) text = std::string(500, 'L') + std::to_string(k);
      expected.push_back(text);
      kept.push_back(pool.make(text));
    }
    // Dropped in an order other than made: every other one now, while the pool still cuts.
    for (std::size_t k = 0; k < kept.size(); k += 2) kept[k] = shared_string();
    for (int k = 0; k < 20; ++k) CHECK(pool.make("more") == "more");
  }
  // The pool is gone; the strings it made are not.
  for (std::size_t k = 1; k < kept.size(); k += 2) CHECK(kept[k] == expected[k]);
  // Assignment from a pool string to another, and back to an ordinary one.
  shared_string s = kept[1];
  s = kept[3];
  CHECK(s == expected[3]);
  s = "plain";
  CHECK(s == "plain");
}

TEST_CASE("shared_string_pool: reserve() puts the next strings in one allocation of that size", "[shared_string]") {
  shared_string_pool pool(32);
  const std::size_t each = shared_string_pool::footprint(std::string_view("doc#10").size());
  pool.reserve(10 * each);
  std::vector<shared_string> ids;
  for (int k = 10; k < 20; ++k) ids.push_back(pool.make("doc#" + std::to_string(k)));
  for (std::size_t k = 1; k < ids.size(); ++k) {
    CHECK(ids[k].data() - ids[k - 1].data() == static_cast<std::ptrdiff_t>(each));
    CHECK(ids[k] == "doc#" + std::to_string(10 + k));
  }
}

TEST_CASE("shared_string_pool: copies dropped on several threads free the chunk once", "[shared_string]") {
  std::vector<shared_string> made;
  {
    shared_string_pool pool;
    for (int k = 0; k < 100; ++k) made.push_back(pool.make("claim text " + std::to_string(k)));
  }
  std::vector<std::thread> threads;
  std::vector<std::size_t> right(4, 0);
  for (std::size_t t = 0; t < right.size(); ++t)
    threads.emplace_back([&, t] {
      std::vector<shared_string> copies;
      for (int round = 0; round < 100; ++round)
        for (const auto& m : made) copies.push_back(m);
      for (std::size_t k = 0; k < copies.size(); ++k)
        right[t] += copies[k] == "claim text " + std::to_string(k % made.size());
    });
  for (auto& th : threads) th.join();
  for (std::size_t n : right) CHECK(n == 100 * made.size());
  for (std::size_t k = 0; k < made.size(); ++k) CHECK(made[k] == "claim text " + std::to_string(k));
}

// A thread owes the drops of its copies and pays them together (shared_string.hpp): what it
// owes must be paid when asked (settle_drops), when the thread ends, and at once for a text of
// 4 KB or more, so that the memory comes back. Read from glibc's count of the bytes the main
// arena has handed out (mallinfo2), which the sanitizers' allocators do not keep: there the test
// says so and stops (and a drop never paid is a leak AddressSanitizer reports).
namespace {
std::size_t bytes_in_use() { return mallinfo2().uordblks; }
bool allocator_counts_bytes() {
  const std::size_t before = bytes_in_use();
  void* volatile p = std::malloc(8192);  // volatile: the compiler may not leave out the pair
  const bool counted = bytes_in_use() >= before + 8192;
  std::free(p);
  return counted;
}
}  // namespace

TEST_CASE("shared_string: dropped copies are paid when settled, at a thread's end, or at once when large",
          "[shared_string]") {
  if (!allocator_counts_bytes()) {
    WARN("mallinfo2() does not count this allocator's bytes (a sanitizer's?): not measured");
    return;
  }
  shared_string::settle_drops();  // what earlier tests left owed on this thread
  SECTION("a text's last copy dropped is freed by settle_drops()") {
    shared_string s = std::string(3000, 'a');
    shared_string copy = s;
    const std::size_t before = bytes_in_use();
    s = shared_string();
    copy = shared_string();
    shared_string::settle_drops();
    CHECK(before - bytes_in_use() >= 3000);
  }
  SECTION("a copy owed by another thread is paid when that thread ends") {
    std::thread([] { shared_string warm = "first thread"; }).join();  // the first thread's own allocations
    shared_string s = std::string(3800, 'b');
    const std::size_t before = bytes_in_use();
    std::thread([t = std::move(s)]() mutable { t = shared_string(); }).join();
    CHECK(before - bytes_in_use() >= 3000);
  }
  SECTION("a text of 4 KB or more is freed at its last drop") {
    shared_string s = std::string(5000, 'c');
    const std::size_t before = bytes_in_use();
    s = shared_string();
    CHECK(before - bytes_in_use() >= 5000);
  }
  SECTION("what is owed keeps the text readable in its other copies") {
    shared_string kept = std::string(100, 'd');
    for (int k = 0; k < 1000; ++k) {
      shared_string c = kept;  // each copy dropped: owed, never taken off the copy still held
      CHECK(c.shares_with(kept));
    }
    shared_string::settle_drops();
    CHECK(kept == std::string(100, 'd'));
  }
}

// While a pool is in use on a thread, every text that thread makes from a view is cut from it:
// two made one after the other lie one footprint apart in the same chunk. Other threads, and the
// same thread after the scope, make blocks of their own; scopes nest.
TEST_CASE("shared_string_pool::on_this_thread: texts made on the thread are cut from the pool", "[shared_string]") {
  const auto adjacent = [](const shared_string& a, const shared_string& b) {
    return b.data() - a.data() == static_cast<std::ptrdiff_t>(shared_string_pool::footprint(a.size()));
  };
  std::vector<shared_string> kept;
  shared_string before, after, long_text;
  {
    shared_string_pool pool;
    const shared_string p1 = pool.make("made by the pool");
    {
      shared_string_pool::on_this_thread in_use(pool);
      // Every way of making a text from characters: a view, a std::string, a char*, an assignment.
      const shared_string a = std::string_view("arrival:putin");
      const shared_string b = std::string("Putin's private plane");
      const shared_string c = "2024";
      shared_string d;
      d = std::string_view("time.event_clock");
      CHECK(adjacent(p1, a));
      CHECK(adjacent(a, b));
      CHECK(adjacent(b, c));
      CHECK(adjacent(c, d));
      CHECK(a == "arrival:putin");
      CHECK(b == "Putin's private plane");
      CHECK(std::string(c.c_str()) == "2024");
      CHECK(shared_string("").empty());  // the empty text takes nothing from the pool
      // Another thread making texts meanwhile takes nothing from this thread's pool.
      std::thread([&kept] {
        for (int k = 0; k < 50; ++k) kept.push_back(shared_string("other thread " + std::to_string(k)));
      }).join();
      const shared_string e = std::string_view("next");
      CHECK(adjacent(d, e));
      {
        shared_string_pool inner;
        shared_string_pool::on_this_thread inner_in_use(inner);
        const shared_string i1 = std::string_view("inner one");
        const shared_string i2 = std::string_view("inner two");
        CHECK(adjacent(i1, i2));
        kept.push_back(i1);
      }
      const shared_string f = std::string_view("outer again");
      CHECK(adjacent(e, f));  // the outer pool is back
      // A text longer than the chunk's quarter gets a block of its own, and outlives the pool.
      long_text = std::string(5000, 'L');
      const shared_string g = std::string_view("after the long one");
      CHECK(adjacent(f, g));
      kept.insert(kept.end(), {a, b, c, d, e, f, g});
      before = a;
    }
    // The scope is over: a text made from a view takes nothing from the pool any more.
    const shared_string p2 = pool.make("x");
    after = std::string_view("no pool in use");
    const shared_string p3 = pool.make("y");
    CHECK(adjacent(p2, p3));
  }
  // The pool and its scope are gone; the texts are not.
  CHECK(before == "arrival:putin");
  CHECK(after == "no pool in use");
  CHECK(long_text == std::string(5000, 'L'));
  for (int k = 0; k < 50; ++k) CHECK(kept[static_cast<std::size_t>(k)] == "other thread " + std::to_string(k));
  CHECK(kept[50] == "inner one");
  CHECK(kept.back() == "after the long one");
}

// Texts cut from a pool in use go to other threads, which copy and drop them while the first
// thread goes on cutting from the same pool: the chunks' shared counts must free each chunk
// once, after its last text (run under ASan and TSan: -DCROSSCHECK_SANITIZE=ON, -fsanitize=thread).
TEST_CASE("shared_string_pool::on_this_thread: texts handed to other threads while the pool cuts", "[shared_string]") {
  std::vector<std::thread> threads;
  std::vector<std::size_t> right(4, 0);
  {
    shared_string_pool pool(64);  // small chunks: many of them, each shared by several threads
    shared_string_pool::on_this_thread in_use(pool);
    for (std::size_t t = 0; t < right.size(); ++t) {
      std::vector<shared_string> batch;
      for (int k = 0; k < 100; ++k) batch.push_back(shared_string("claim " + std::to_string(k)));
      threads.emplace_back([batch = std::move(batch), &right, t]() mutable {
        std::vector<shared_string> copies;
        for (int round = 0; round < 20; ++round)
          for (const auto& b : batch) copies.push_back(b);
        batch.clear();  // the thread's copies are now the only holders of its texts
        for (std::size_t k = 0; k < copies.size(); ++k)
          right[t] += copies[k] == "claim " + std::to_string(k % 100);
      });
    }
    for (int k = 0; k < 1000; ++k) CHECK(shared_string("more " + std::to_string(k)).size() > 5);
  }
  for (auto& th : threads) th.join();
  for (std::size_t n : right) CHECK(n == 2000);
}

TEST_CASE("the extractors and the JSON Lines reader share repeated texts", "[shared_string]") {
  const rule_set rules = rule_set::load(CROSSCHECK_DATA_DIR);
  document d;
  d.id = "one-sentence";
  d.source = "Example News";
  d.text = "Putin arrived at 2:46 a.m. and Kim met him at 3:10 a.m. on Wednesday.\n";
  prepare(d, rules);
  std::vector<claim> claims;
  default_extractors(rules).extract(d, claims);
  REQUIRE(claims.size() >= 2);
  for (const claim& c : claims) {
    CHECK(c.ev.document.shares_with(claims.front().ev.document));
    CHECK(c.ev.source.shares_with(claims.front().ev.source));
    CHECK(c.ev.sentence.shares_with(claims.front().ev.sentence));
  }
  std::istringstream in(
      "{\"source\":\"aa\",\"subject\":\"AA-1\",\"attribute\":\"gate\",\"kind\":\"text\",\"value\":\"B1\"}\n"
      "{\"source\":\"ua\",\"subject\":\"AA-2\",\"attribute\":\"gate\",\"kind\":\"text\",\"value\":\"B2\"}\n"
      "{\"source\":\"aa\",\"subject\":\"AA-1\",\"attribute\":\"gate\",\"kind\":\"text\",\"value\":\"B1\"}\n");
  std::vector<diagnostic> diags;
  const auto read = read_claims_jsonl(in, "mem", rules, diags);
  REQUIRE(read.size() == 3);
  CHECK(read[0].ev.source.shares_with(read[2].ev.source));
  CHECK(read[0].subject.shares_with(read[2].subject));
  CHECK(read[0].attribute.shares_with(read[1].attribute));
  CHECK(read[0].rule.shares_with(read[1].rule));
  CHECK_FALSE(read[0].ev.source.shares_with(read[1].ev.source));
}

// The event, person and number passes run one after the other over the whole document, so a
// sentence with claims from several of them sees its claims far apart in the output: they must
// still hold one copy of it (and of the document id and outlet), however many other sentences
// lie between.
TEST_CASE("an extractor_set's claims share each sentence across passes", "[shared_string]") {
  const rule_set rules = rule_set::load(CROSSCHECK_DATA_DIR);
  document d;
  d.id = "across-passes";
  d.source = "Example News";
  std::string text = "Defense Minister Andrei Belousov said Putin arrived at 2:46 a.m. with 10 aides.\n";
  for (int k = 0; k < 8; ++k) text += "Kim met him at 3:" + std::to_string(10 + k) + " a.m. on Wednesday.\n";
  d.text = text;
  prepare(d, rules);
  std::vector<claim> claims;
  default_extractors(rules).extract(d, claims);
  REQUIRE(claims.size() >= 10);
  const claim* first_time = nullptr;
  const claim* first_person = nullptr;
  for (const claim& c : claims) {
    CHECK(c.ev.document.shares_with(claims.front().ev.document));
    CHECK(c.ev.source.shares_with(claims.front().ev.source));
    if (c.ev.sentence_begin != 0) continue;
    if (!first_time && c.kind == claim_kind::time_of_day) first_time = &c;
    if (!first_person && (c.kind == claim_kind::person_role || c.kind == claim_kind::person_name)) first_person = &c;
  }
  REQUIRE(first_time);
  REQUIRE(first_person);
  // Eight sentences' time claims come between the two (the person pass runs after the event pass).
  CHECK(first_person - first_time > 4);
  CHECK(first_person->ev.sentence.shares_with(first_time->ev.sentence));
}

TEST_CASE("evidence_texts: the evidence is the same with and without, and only for its document",
          "[shared_string]") {
  const rule_set rules = rule_set::load(CROSSCHECK_DATA_DIR);
  document d;
  d.id = "evidence";
  d.source = "Example News";
  d.text = "First sentence here. Putin arrived at 2:46 a.m. on Wednesday.\n";
  prepare(d, rules);
  REQUIRE(d.sentences.size() == 2);
  const sentence& sen = d.sentences[1];
  const text_span words{sen.normalized.begin, sen.normalized.begin + 5};
  evidence alone;
  detail::fill_evidence(d, sen, words, alone);
  CHECK(alone.document == "evidence");
  CHECK(alone.source == "Example News");
  CHECK(alone.text == "Putin");
  CHECK(alone.sentence == "Putin arrived at 2:46 a.m. on Wednesday.");
  CHECK(alone.begin == d.text.find("Putin"));
  CHECK(alone.sentence_begin == alone.begin);
  CHECK_FALSE(alone.repeated);

  document other = d;
  CHECK(detail::evidence_texts::of(d) == nullptr);
  {
    detail::evidence_texts texts(d);
    CHECK(detail::evidence_texts::of(d) == &texts);
    CHECK(detail::evidence_texts::of(other) == nullptr);
    evidence a, b;
    detail::fill_evidence(d, sen, words, a);
    detail::fill_evidence(d, sen, {words.begin + 6, words.begin + 13}, b);
    for (const evidence* e : {&a, &b}) {
      CHECK(e->document == alone.document);
      CHECK(e->source == alone.source);
      CHECK(e->sentence == alone.sentence);
      CHECK(e->sentence_begin == alone.sentence_begin);
    }
    CHECK(a.text == alone.text);
    CHECK(a.begin == alone.begin);
    CHECK(a.end == alone.end);
    CHECK(b.text == "arrived");
    CHECK(a.sentence.shares_with(b.sentence));
    CHECK(a.document.shares_with(b.document));
    CHECK(a.source.shares_with(b.source));
    {
      detail::evidence_texts inner(other);  // nested: the inner one counts, for its own document
      CHECK(detail::evidence_texts::of(other) == &inner);
      CHECK(detail::evidence_texts::of(d) == nullptr);
    }
    CHECK(detail::evidence_texts::of(d) == &texts);
    // A sentence that is no part of d.sentences (built by hand) is read from the text.
    const sentence loose = sen;
    evidence c;
    detail::fill_evidence(d, loose, words, c);
    CHECK(c.sentence == alone.sentence);
    CHECK_FALSE(c.sentence.shares_with(a.sentence));
  }
  CHECK(detail::evidence_texts::of(d) == nullptr);
}
