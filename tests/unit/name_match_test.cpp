// The living spec of the name matcher (crosscheck/names.hpp): when two written names are one
// person. Each row is a pair of names as two outlets might print them, the verdict a careful
// fact-checker expects, and (optionally) a few words the matcher's `why` must contain.
//
//   same                the same spelling, up to case and spacing
//   variant             one person, a harmless difference: hyphens, diacritics, transliteration
//                       (data/names.yaml), particles ("al-", "el-", "von der"), suffixes ("Jr."),
//                       name order, a patronymic left out
//   partial             one name is a shorter form of the other: a surname alone, an initial, a
//                       middle name left out; compatible, but not the whole name
//   likely_misspelling  one slip (a letter changed, added, dropped, or two neighbours swapped)
//                       in a part long enough to tell a slip from another name (min_typo_length)
//   different           different people: sharing a family name is not enough
//
// The verdict is symmetric: every row is checked both ways. The rows at the end of the file
// were pending when the spec was written; each comment says what the matcher did then.
#include <catch2/catch.hpp>
#include <crosscheck/names.hpp>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "support/corpus.hpp"

using crosscheck::name_matcher;
using crosscheck::name_verdict;

namespace {

constexpr auto same = name_verdict::same;
constexpr auto variant = name_verdict::variant;
constexpr auto partial = name_verdict::partial;
constexpr auto misspelling = name_verdict::likely_misspelling;
constexpr auto different = name_verdict::different;

struct name_pair {
  const char* a;
  const char* b;
  name_verdict verdict;
  const char* why = "";  // a substring of match().why; "" : not checked
};
using name_table = std::vector<name_pair>;

const name_matcher& matcher() {
  static const name_matcher m(crosscheck_test::rules());
  return m;
}

void check_table(const name_table& table) {
  for (const auto& row : table) {
    for (const bool swapped : {false, true}) {
      const std::string a = swapped ? row.b : row.a;
      const std::string b = swapped ? row.a : row.b;
      const auto m = matcher().match(a, b);
      INFO("\"" << a << "\" vs \"" << b << "\": expected " << crosscheck::to_string(row.verdict) << ", got "
                << crosscheck::to_string(m.verdict) << " (" << m.why << ")");
      CHECK(m.verdict == row.verdict);
      if (*row.why) CHECK(m.why.find(row.why) != std::string::npos);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The tables. Each section is one TEST_CASE below; the blocking-key test runs over all of them.
// ---------------------------------------------------------------------------------------------

// The same spelling: case, runs of spaces and spaces around the name do not count.
const name_table same_spelling = {
    {"Cyril Ramaphosa", "Cyril Ramaphosa", same},
    {"Nguyễn Phú Trọng", "Nguyễn Phú Trọng", same},
    {"FUMIO KISHIDA", "Fumio Kishida", same},          // a headline in capitals
    {"Olaf  Scholz", "Olaf Scholz", same},             // a double space from a line join
    {" Kim Jong-un ", "Kim Jong-un", same},            // spaces around the name
    {"Ursula von der Leyen", "Ursula Von Der Leyen", same},  // particles capitalized in a title-case headline
    {"Lai Ching-te", "lai ching-te", same},
};

// Hyphens and spaces inside a name: Korean and Chinese given names are written as one word, two
// words or hyphenated, a double-barrelled surname with or without its hyphen.
const name_table hyphenation = {
    {"Kim Jong-un", "Kim Jong Un", variant, "hyphenation"},
    {"Xi Jin-ping", "Xi Jinping", variant, "hyphenation"},
    {"Moon Jae-in", "Moon Jae In", variant, "hyphenation"},
    {"Tsai Ing-wen", "Tsai Ingwen", variant, "hyphenation"},
    {"Lai Ching-te", "Lai Ching Te", variant, "hyphenation"},
    {"Kim Yo-jong", "Kim Yojong", variant, "hyphenation"},
    {"Yoon Suk-yeol", "Yoon Sukyeol", variant, "hyphenation"},
    {"Ellen Johnson Sirleaf", "Ellen Johnson-Sirleaf", variant, "hyphenation"},
    {"Linda Thomas-Greenfield", "Linda Thomas Greenfield", variant, "hyphenation"},
    {"Jean-Yves Le Drian", "Jean Yves Le Drian", variant, "hyphenation"},
    {"Choe Son Hui", "Choe Son-hui", variant, "hyphenation"},
};

// Diacritics: Vietnamese tone marks, Turkish, Hungarian, Polish, Portuguese, Japanese long vowels;
// an outlet without the font (or the habit) drops them.
const name_table diacritics = {
    {"Nguyễn Phú Trọng", "Nguyen Phu Trong", variant, "diacritics"},
    {"Tô Lâm", "To Lam", variant, "diacritics"},
    {"Phạm Minh Chính", "Pham Minh Chinh", variant, "diacritics"},
    {"Võ Văn Thưởng", "Vo Van Thuong", variant, "diacritics"},
    {"Đỗ Đức Duy", "Do Duc Duy", variant, "diacritics"},                  // đ is d
    {"NGUYỄN XUÂN PHÚC", "Nguyen Xuan Phuc", variant, "diacritics"},      // capitals with marks
    {"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", variant, "diacritics"},
    {"İlham Aliyev", "Ilham Aliyev", variant, "diacritics"},              // Turkish dotted capital I
    {"Viktor Orbán", "Viktor Orban", variant, "diacritics"},
    {"Radosław Sikorski", "Radoslaw Sikorski", variant, "diacritics"},
    {"Lech Wałęsa", "Lech Walesa", variant, "diacritics"},
    {"Andrej Babiš", "Andrej Babis", variant, "diacritics"},
    {"Félix Tshisekedi", "Felix Tshisekedi", variant, "diacritics"},
    {"António Guterres", "Antonio Guterres", variant, "diacritics"},
    {"Luiz Inácio Lula da Silva", "Luiz Inacio Lula da Silva", variant, "diacritics"},
    {"Yōko Kamikawa", "Yoko Kamikawa", variant, "diacritics"},            // Hepburn macron
    {"Søren Pape Poulsen", "Soren Pape Poulsen", variant, "diacritics"},
};

// Transliteration: one name in two romanizations (data/names.yaml, transliteration and
// given_name_groups), and the Arabic article and "bin" written several ways (particles).
const name_table transliteration = {
    // Russian endings -ey/-ei, -y/-i/-iy, the cluster ks/x
    {"Sergey Lavrov", "Sergei Lavrov", variant, "transliteration"},
    {"Alexey Navalny", "Alexei Navalny", variant, "transliteration"},
    {"Aleksey Navalny", "Alexei Navalny", variant, "transliteration"},
    {"Aleksei Navalny", "Alexey Navalny", variant, "transliteration"},
    {"Yuri Gagarin", "Yury Gagarin", variant, "transliteration"},
    {"Yuriy Gagarin", "Yuri Gagarin", variant, "transliteration"},
    {"Yury Gagarin", "Yuriy Gagarin", variant, "transliteration"},
    {"Andrei Rublev", "Andrey Rublev", variant, "transliteration"},
    {"Dmitri Medvedev", "Dmitry Medvedev", variant, "transliteration"},
    {"Nikolai Patrushev", "Nikolay Patrushev", variant, "transliteration"},
    {"Yevgeny Prigozhin", "Evgeny Prigozhin", variant, "transliteration"},
    {"Aleksandr Lukashenko", "Alexander Lukashenko", variant, "transliteration"},
    {"Mikhail Gorbachev", "Michail Gorbachev", variant, "transliteration"},
    {"Fyodor Dostoevsky", "Fiodor Dostoevskiy", variant, "transliteration"},
    // German spellings: w for v, -ej for -ei
    {"Sergej Lawrow", "Sergei Lavrov", variant, "transliteration"},
    {"Wladimir Klitschko", "Vladimir Klitschko", variant, "transliteration"},
    // -sky / -skyy / -skiy, and French tch
    {"Volodymyr Zelensky", "Volodymyr Zelenskyy", variant, "transliteration"},
    {"Volodymyr Zelenskiy", "Volodymyr Zelensky", variant, "transliteration"},
    {"Zelenskyy", "Zelenskiy", variant, "transliteration"},
    {"Pyotr Tchaikovsky", "Pyotr Chaikovskiy", variant, "transliteration"},
    // Ukrainian -iy / -ii
    {"Oleksiy Reznikov", "Oleksii Reznikov", variant, "transliteration"},
    {"Andriy Yermak", "Andrii Yermak", variant, "transliteration"},
    // Arabic given names, the article, and doubled letters
    {"Mohammed bin Salman", "Muhammad bin Salman", variant, "transliteration"},
    {"Mohamed Morsi", "Mohammad Morsi", variant, "transliteration"},
    {"Mahmoud Abbas", "Mahmud Abbas", variant, "transliteration"},
    {"Saddam Hussein", "Saddam Husain", variant, "transliteration"},
    {"Youssef Chahed", "Yusuf Chahed", variant, "transliteration"},
    {"Ahmed Aboul Gheit", "Ahmad Aboul Gheit", variant, "transliteration"},
    {"Abdul Raheem Wardak", "Abdul Rahim Wardak", variant, "transliteration"},
    {"Abdel Fattah al-Sisi", "Abdul Fattah al-Sisi", variant, "transliteration"},
    {"Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi", variant, "particles"},
    {"Abdel Fattah al-Sissi", "Abdel Fattah el-Sisi", variant},
    {"Bashar al-Assad", "Bashar Assad", variant, "particles"},
    // Korean family names
    {"Choi Son Hui", "Choe Son Hui", variant, "transliteration"},
    {"Park Geun-hye", "Pak Geun-hye", variant, "transliteration"},
    {"Lee Hsien Loong", "Li Hsien Loong", variant, "transliteration"},
    // Ukrainian and Russian forms of one given name (names.yaml groups them)
    {"Volodymyr Zelensky", "Vladimir Zelensky", variant, "transliteration"},
};

// Name order: family name first (Chinese, Korean, Japanese, Hungarian, Vietnamese official style)
// or last (Western papers).
const name_table name_order = {
    {"Xi Jinping", "Jinping Xi", variant, "order"},
    {"Orbán Viktor", "Viktor Orban", variant, "order"},
    {"Kishida Fumio", "Fumio Kishida", variant, "order"},
    {"Ishiba Shigeru", "Shigeru Ishiba", variant, "order"},
    {"Kōno Tarō", "Taro Kono", variant, "order"},
    {"Yoon Suk-yeol", "Suk-yeol Yoon", variant, "order"},
    {"Li Qiang", "Qiang Li", variant, "order"},
    {"Wang Yi", "Yi Wang", variant, "order"},
    {"Hun Manet", "Manet Hun", variant, "order"},
};

// Shorter forms: a surname alone, a given name or an initial left out, a middle name added. A
// patronymic alone left out is the same name in full (variant). Suffixes ("Jr.") do not count.
const name_table partial_forms = {
    {"Ushakov", "Yuri Ushakov", partial},
    {"Macron", "Emmanuel Macron", partial},
    {"Modi", "Narendra Modi", partial},
    {"Xi", "Xi Jinping", partial},                                   // a family name written first
    {"Kim", "Kim Jong Un", partial},
    {"Tshisekedi", "Félix Tshisekedi", partial},
    {"Al-Sisi", "Abdel Fattah al-Sisi", partial},                     // the article capitalized at the start
    {"von der Leyen", "Ursula von der Leyen", partial},
    {"Narendra Modi", "Narendra Damodardas Modi", partial},          // a middle name is not a patronymic
    {"Bola Tinubu", "Bola Ahmed Tinubu", partial},
    {"Abiy Ahmed", "Abiy Ahmed Ali", partial},
    {"Winnie Mandela", "Winnie Madikizela-Mandela", partial},
    {"John F. Kennedy", "John Kennedy", partial},
    {"Joseph R. Biden Jr.", "Joseph Biden", partial},
    {"J. Biden", "Joseph Robinette Biden", partial},                 // an initial for the given name
    {"Lavrov", "Sergei Viktorovich Lavrov", partial},
    {"Martin Luther King Jr.", "Martin Luther King", variant},        // a suffix is dropped
    // a patronymic left out: the same name
    {"Vladimir Vladimirovich Putin", "Vladimir Putin", variant, "patronymic"},
    {"Sergei Viktorovich Lavrov", "Sergey Lavrov", variant, "patronymic"},
    {"Valentina Ivanovna Matviyenko", "Valentina Matviyenko", variant, "patronymic"},
};

// Likely misspellings: one slip in one part of five letters or more, every other part equal
// (up to transliteration). The reconciler decides with the context (the same role in one story).
const name_table misspellings = {
    {"Emmanuel Macorn", "Emmanuel Macron", misspelling, "swapped"},
    {"Cyril Ramapohsa", "Cyril Ramaphosa", misspelling, "swapped"},
    {"Recep Tayyip Edrogan", "Recep Tayyip Erdogan", misspelling, "swapped"},
    {"Pete Hegsteh", "Pete Hegseth", misspelling, "swapped"},
    {"Shigeru Ishbia", "Shigeru Ishiba", misspelling, "swapped"},
    {"Jensen Haung", "Jensen Huang", misspelling, "swapped"},
    {"Volodymyr Zelenksy", "Volodymyr Zelensky", misspelling, "swapped"},
    {"Nguyen Phu Trnog", "Nguyễn Phú Trọng", misspelling, "swapped"},   // a slip, and the marks dropped
    {"Sergey Lavorv", "Sergei Lavrov", misspelling, "swapped"},         // a slip, and a transliteration
    {"Jens Stoltenburg", "Jens Stoltenberg", misspelling, "changed"},
    {"Keir Starmar", "Keir Starmer", misspelling, "changed"},
    {"Olaf Scholtz", "Olaf Scholz", misspelling, "one letter"},
    {"Antony Blinken", "Anthony Blinken", misspelling, "one letter"},
    {"Giorgia Meloi", "Giorgia Meloni", misspelling, "one letter"},
};

// Different people. A shared family name is not enough; in a short part (a Korean or Chinese
// syllable, below min_typo_length) one letter tells two people apart.
const name_table different_people = {
    {"Kim Jong-un", "Kim Jong-il", different, "only part"},
    {"Kim Jong-un", "Kim Yo-jong", different},
    {"Kim Jong-un", "Kim Tok-hun", different},
    {"Kim Jong-un", "Kim Jong-in", different},   // one letter, but in a two-letter syllable
    {"Kim Jong-un", "Kim Jong-nam", different},
    {"Kim Jong-un", "Ri Sol-ju", different, "no part"},
    {"Joe Biden", "Hunter Biden", different},
    {"Joe Biden", "Jill Biden", different},
    {"Li Qiang", "Li Keqiang", different},
    {"Lee Jae-myung", "Lee Jae-yong", different},
    {"Lee Hsien Loong", "Lee Kuan Yew", different},
    {"Li Keqiang", "Lee Kuan Yew", different},
    {"Wang Yi", "Wang Wenbin", different},
    {"Xi Jinping", "Xi Mingze", different},
    {"Alexander Novak", "Alexander Kozlov", different},
    {"Sergei Shoigu", "Sergei Lavrov", different},
    {"Hun Sen", "Hun Manet", different},
    {"Raúl Castro", "Fidel Castro", different},
    {"Rahul Gandhi", "Sonia Gandhi", different},
    {"Indira Gandhi", "Mahatma Gandhi", different},
    {"Narendra Modi", "Nirav Modi", different},
    {"Bashar al-Assad", "Hafez al-Assad", different},
    {"Justin Trudeau", "Pierre Trudeau", different},
    {"Marine Le Pen", "Jean-Marie Le Pen", different},
    {"Emmanuel Macron", "Brigitte Macron", different},
    {"Shinzo Abe", "Akie Abe", different},
    {"Volodymyr Zelensky", "Olena Zelenska", different},
    {"Uhuru Kenyatta", "Jomo Kenyatta", different},
    {"Nelson Mandela", "Winnie Mandela", different},
    {"Nguyen Phu Trong", "Nguyen Xuan Phuc", different},
    {"Nguyen Xuan Phuc", "Nguyen Tan Dung", different},
};

// Rows the matcher got wrong when this spec was written (each comment says what it did then);
// the rules and data were fixed to meet them, and they are checked like the others.
const name_table pending_rows = {
    // An initial with as many parts on both sides: the shorter-form test runs only when one name
    // has fewer parts, so "V. Putin" (two parts) against "Vladimir Putin" (two parts) falls
    // through to the slip test and comes out `different`. names.hpp gives this very example as
    // `partial`.
    {"V. Putin", "Vladimir Putin", partial},
    {"S. Jaishankar", "Subrahmanyam Jaishankar", partial},
    {"E. Macron", "Emmanuel Macron", partial},
    {"J. F. Kennedy", "John Fitzgerald Kennedy", partial},
    // ... and the initial is compared with the other part's skeleton ("yuri" -> "iuri"), not with
    // its written first letter: "Y." never stands for Yuri, Yevgeny or Yulia.
    {"Y. Ushakov", "Yuri Ushakov", partial},
    // names.yaml rewrites "hee" -> "hui" at the end of a part (its own example: Choe Son-hee /
    // Choe Son-hui), but an at_end rule needs the part to be longer than `from`: the syllable
    // "hee" is exactly three letters, so it becomes "hi" (ee -> i) and never meets "hui".
    {"Choe Son-hee", "Choe Son Hui", variant, "transliteration"},
    // Ukraine's official romanization ends adjectival surnames in -yi (Zaluzhnyi, Syrskyi); the
    // Russian-style -y is the same name. No rule rewrites -yi, so the pair is a "one letter added"
    // slip instead of a transliteration.
    {"Valerii Zaluzhnyi", "Valery Zaluzhny", variant, "transliteration"},
    {"Oleksandr Syrskyi", "Oleksandr Syrsky", variant, "transliteration"},
    // Ukrainian patronymics end in -ovych/-yovych/-ivna, not in the Russian endings the list
    // holds: the full form with the patronymic is taken for a longer name (partial).
    {"Volodymyr Oleksandrovych Zelensky", "Volodymyr Zelensky", variant, "patronymic"},
    {"Yulia Volodymyrivna Tymoshenko", "Yulia Tymoshenko", variant, "patronymic"},
    // Dmytro (Ukrainian) and Dmitry (Russian) are one given name, as Volodymyr and Vladimir are
    // (names.yaml groups those two but not these).
    {"Dmytro Kuleba", "Dmitry Kuleba", variant, "transliteration"},
    // Particles are dropped wherever they stand, but "Lê" is one of the commonest Vietnamese family
    // names and "Al" an English given name: with them dropped, two different people become one
    // name and its shorter form (partial). A particle should be dropped only inside a name, not
    // as its first part ("Le Pen", "al-Sisi", "von der Leyen" still work).
    {"Lê Hoài Trung", "Nguyễn Hoài Trung", different},
    {"Al Gore", "Tipper Gore", different},
    // Doubled letters are collapsed in every skeleton (for Mohammed/Muhamed), so a doubled letter
    // moved in a name with one fixed Latin spelling reads as a harmless transliteration: the
    // misspelling of the UN chief's name is never reported.
    {"Antonio Gutteres", "António Guterres", misspelling},
};

std::vector<const name_table*> all_tables() {
  return {&same_spelling, &hyphenation, &diacritics, &transliteration, &name_order,
          &partial_forms, &misspellings, &different_people};
}

bool share_a_key(const std::string& a, const std::string& b) {
  auto ka = matcher().blocking_keys(a), kb = matcher().blocking_keys(b);
  std::sort(ka.begin(), ka.end());
  std::sort(kb.begin(), kb.end());
  std::vector<std::string> common;
  std::set_intersection(ka.begin(), ka.end(), kb.begin(), kb.end(), std::back_inserter(common));
  return !common.empty();
}

}  // namespace

TEST_CASE("names: the same spelling", "[names]") { check_table(same_spelling); }
TEST_CASE("names: hyphenation and spacing", "[names]") { check_table(hyphenation); }
TEST_CASE("names: diacritics", "[names]") { check_table(diacritics); }
TEST_CASE("names: transliteration and particles", "[names]") { check_table(transliteration); }
TEST_CASE("names: name order", "[names]") { check_table(name_order); }
TEST_CASE("names: partial forms and patronymics", "[names]") { check_table(partial_forms); }
TEST_CASE("names: likely misspellings", "[names]") { check_table(misspellings); }
TEST_CASE("names: different people", "[names]") { check_table(different_people); }

TEST_CASE("names: the tables are large enough to document the matcher", "[names]") {
  std::size_t rows = 0;
  for (const auto* t : all_tables()) rows += t->size();
  CHECK(rows >= 90u);
}

TEST_CASE("names: a name and nothing", "[names]") {
  CHECK(matcher().match("", "Kim Jong Un").verdict == different);
  CHECK(matcher().match("Kim Jong Un", "").verdict == different);
  CHECK(matcher().match("-", ".").verdict != variant);  // no parts on either side: nothing to call one person
}

// Any two names the matcher may call one person (same, variant, likely misspelling) are filed
// under at least one shared key, so the reconciler never has to compare all pairs.
TEST_CASE("names: blocking keys bring together every pair that may be one person", "[names]") {
  for (const auto* table : all_tables())
    for (const auto& row : *table) {
      if (row.verdict == partial || row.verdict == different) continue;
      INFO("\"" << row.a << "\" and \"" << row.b << "\" (" << crosscheck::to_string(row.verdict) << ")");
      CHECK(share_a_key(row.a, row.b));
    }
}

TEST_CASE("names: blocking keys are a few dozen per name, not one per known name", "[names]") {
  for (const char* name : {"Luiz Inácio Lula da Silva", "Vladimir Vladimirovich Putin", "Ellen Johnson Sirleaf",
                           "Recep Tayyip Erdoğan", "Nguyễn Phú Trọng"}) {
    INFO(name);
    const auto keys = matcher().blocking_keys(name);
    CHECK_FALSE(keys.empty());
    CHECK(keys.size() <= 60u);
  }
  CHECK(matcher().blocking_keys("").empty());
}

TEST_CASE("names: parts and skeletons", "[names]") {
  using v = std::vector<std::string>;
  CHECK(matcher().parts("Kim Jong-un") == v{"kim", "jong", "un"});
  CHECK(matcher().parts("Abdel Fattah al-Sisi") == v{"abdel", "fattah", "sisi"});
  CHECK(matcher().parts("Ursula von der Leyen") == v{"ursula", "leyen"});
  CHECK(matcher().parts("Martin Luther King Jr.") == v{"martin", "luther", "king"});
  CHECK(matcher().parts("Nguyễn Phú Trọng") == v{"nguyen", "phu", "trong"});
  CHECK(matcher().parts("V. Putin") == v{"v", "putin"});
  CHECK(matcher().parts("Beto O’Rourke") == v{"beto", "orourke"});  // a typographic apostrophe
  // one skeleton for one name in several romanizations
  CHECK(matcher().skeleton("sergey") == matcher().skeleton("sergei"));
  CHECK(matcher().skeleton("yuriy") == matcher().skeleton("yury"));
  CHECK(matcher().skeleton("yury") == matcher().skeleton("yuri"));
  CHECK(matcher().skeleton("zelenskyy") == matcher().skeleton("zelensky"));
  CHECK(matcher().skeleton("mohammed") == matcher().skeleton("muhammad"));
  CHECK(matcher().skeleton("aleksey") == matcher().skeleton("alexei"));
  CHECK(matcher().skeleton("jong") != matcher().skeleton("jung"));  // a vowel in a Korean syllable is no transliteration
}

TEST_CASE("names: fold_latin", "[names]") {
  using crosscheck::fold_latin;
  CHECK(fold_latin("Nguyễn Phú Trọng") == "nguyen phu trong");
  CHECK(fold_latin("Đặng Thị Ngọc Thịnh") == "dang thi ngoc thinh");
  CHECK(fold_latin("Recep Tayyip Erdoğan") == "recep tayyip erdogan");
  CHECK(fold_latin("İlham") == "ilham");  // Turkish dotted capital I
  CHECK(fold_latin("Wŏn") == "won");
  CHECK(fold_latin("Lech Wałęsa") == "lech walesa");
  CHECK(fold_latin("Søren") == "soren");
  CHECK(fold_latin("Straße") == "strasse");
  CHECK(fold_latin("Kim Jong-un") == "kim jong-un");  // hyphens kept: parts() splits at them
  CHECK(fold_latin("O’Brien") == "o'brien");          // typographic apostrophe
  CHECK(fold_latin("Путин") == "Путин");              // other scripts kept byte for byte
  CHECK(fold_latin("习近平") == "习近平");
  CHECK(fold_latin("") == "");
}

// ---------------------------------------------------------------------------------------------
// Once pending: rows the matcher got wrong when the spec was written, met since.
// ---------------------------------------------------------------------------------------------

TEST_CASE("names: rows once pending, now met", "[names]") {
  check_table(pending_rows);
  for (const auto& row : pending_rows) {
    if (row.verdict == partial || row.verdict == different) continue;
    INFO("blocking keys of \"" << row.a << "\" and \"" << row.b << "\"");
    CHECK(share_a_key(row.a, row.b));
  }
}

TEST_CASE("names: fold_latin drops combining marks", "[names]") {
  // Decomposed text (NFD: a base letter, then combining marks U+0300..U+036F), as pasted from
  // some Vietnamese sites and macOS file names, must fold like the composed form: the marks are
  // Latin diacritics. fold_latin drops only precomposed letters today and keeps the marks.
  CHECK(crosscheck::fold_latin("Nguye\xcc\x82\xcc\x83n Phu\xcc\x81 Tro\xcc\xa3ng") == "nguyen phu trong");
  CHECK(crosscheck::fold_latin("Erdog\xcc\x86" "an") == "erdogan");
}
