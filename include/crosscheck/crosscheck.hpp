// crosscheck/crosscheck.hpp: the whole public API.
//
// crosscheck reads news articles from several outlets, turns what each states into typed
// claims, and reconciles them: claims about the same fact land in one slot, and a slot whose
// values cannot all be true is a conflict, with the evidence quoted and the best supported
// value named.
//
//   const auto rules = crosscheck::rule_set::load("data");
//   auto corpus = crosscheck::load_corpus({"articles/"});
//   const auto extractors = crosscheck::default_extractors(rules);
//   std::vector<crosscheck::claim> claims;
//   for (auto& doc : corpus.documents) { crosscheck::prepare(doc, rules); extractors.extract(doc, claims); }
//   const auto result = crosscheck::reconcile(claims, rules);
//   std::cout << crosscheck::to_text({corpus.documents, claims, result, corpus.diagnostics});
#pragma once

#include "crosscheck/claim.hpp"
#include "crosscheck/corpus.hpp"
#include "crosscheck/document.hpp"
#include "crosscheck/error.hpp"
#include "crosscheck/extract.hpp"
#include "crosscheck/names.hpp"
#include "crosscheck/reconcile.hpp"
#include "crosscheck/report.hpp"
#include "crosscheck/rules.hpp"
#include "crosscheck/shared_string.hpp"
#include "crosscheck/text.hpp"
#include "crosscheck/truth.hpp"
#include "crosscheck/value.hpp"
#include "crosscheck/version.hpp"
