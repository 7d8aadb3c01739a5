// Shared by the fuzz targets: the vocabulary, loaded once from data/.
#pragma once

#include <crosscheck/rules.hpp>

namespace crosscheck_fuzz {

inline const crosscheck::rule_set& rules() {
  static const crosscheck::rule_set rs = crosscheck::rule_set::load(CROSSCHECK_DATA_DIR);
  return rs;
}

}  // namespace crosscheck_fuzz
