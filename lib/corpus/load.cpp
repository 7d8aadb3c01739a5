// Reading articles and their metadata. Policy (see corpus.hpp): what stops the run throws
// input_error; what only loses one file is a warning diagnostic and a skip, never silent.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "crosscheck/corpus.hpp"
#include "corpus/manifest_scan.hpp"
#include "crosscheck/text.hpp"
#include "rules/yaml_util.hpp"
#include "text/fold.hpp"

namespace fs = std::filesystem;

namespace crosscheck {
namespace {

using detail::is_ascii_digit;

using metadata = detail::document_metadata;

struct manifest {
  fs::path path;
  detail::manifest_entries entries;
};

location at(const std::string& file, std::optional<std::size_t> byte = {}) {
  location l;
  l.file = file;
  l.byte_offset = byte;
  return l;
}
location at_line(const std::string& file, std::size_t line, std::optional<std::size_t> column = {}) {
  location l;
  l.file = file;
  if (line) l.line = line;
  l.column = column;
  return l;
}

std::string scalar(const YAML::Node& n, const std::string& file, std::string_view key) {
  if (!n.IsScalar()) throw input_error(detail::where(file, n.Mark()), fmt::format("'{}' must be a single value", key));
  return n.as<std::string>();
}

// Reads one key of a document's metadata into md. `value()` gives the key's value (it throws
// when that is not a single value); key_at() and value_at() say where they stand. Throws
// input_error on an unknown key or a bad value.
template <class Value, class KeyAt, class ValueAt>
void read_field(metadata& md, const std::string_view key, bool allow_file_key, Value value, KeyAt key_at,
                ValueAt value_at) {
  if (key == "file" && allow_file_key) return;
  if (key == "source") md.source = value();
  else if (key == "author") md.author = value();
  else if (key == "url") md.url = value();
  else if (key == "title") return;
  else if (key == "published") {
    publication_time p;
    const std::string s = value();
    if (!parse_publication_time(s, p))
      throw input_error(value_at(), fmt::format("published: '{}' is not a date (write 2024-06-19 or 2024-06-19T16:24:00+09:00)", s));
    md.published = p;
  } else {
    throw input_error(key_at(), fmt::format("unknown key '{}' (expected file, source, author, url, published, title)", key));
  }
}

// Reads source/author/url/published from a YAML mapping. Throws input_error on a bad key or value.
metadata read_metadata(const YAML::Node& m, const std::string& file, bool allow_file_key) {
  if (!m.IsMap()) throw input_error(detail::where(file, m.Mark()), "expected a mapping (key: value lines)");
  metadata md;
  md.line = m.Mark().line >= 0 ? static_cast<std::size_t>(m.Mark().line) + 1 : 0;
  for (const auto& kv : m) {
    const std::string key = kv.first.as<std::string>();
    read_field(
        md, key, allow_file_key, [&] { return scalar(kv.second, file, key); },
        [&] { return detail::where(file, kv.first.Mark()); }, [&] { return detail::where(file, kv.second.Mark()); });
  }
  return md;
}

location position_at(const std::string& file, detail::yaml_position p) { return at_line(file, p.line + 1, p.column + 1); }

// One file, opened for reading: its descriptor and what fstat says of it; closed when it goes.
// A corpus of 10,000 files used to cost 14 system calls a file (exists, is_regular_file,
// file_size, weakly_canonical's readlinks, an ifstream and its own file_size); this costs four
// (open, fstat, one read, close). O_NONBLOCK keeps open() from waiting on a FIFO, which is
// then skipped as not a regular file; it changes nothing for a regular file.
class open_file {
 public:
  explicit open_file(const fs::path& p) {
    do fd_ = ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    while (fd_ < 0 && errno == EINTR);
    if (fd_ < 0) {
      error_ = errno;
    } else if (::fstat(fd_, &st_) != 0) {
      error_ = errno;
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~open_file() {
    if (fd_ >= 0) ::close(fd_);
  }
  open_file(const open_file&) = delete;
  open_file& operator=(const open_file&) = delete;

  bool ok() const noexcept { return fd_ >= 0; }
  int error() const noexcept { return error_; }  // errno of the failed open or fstat, or of read_all
  bool missing() const noexcept { return error_ == ENOENT || error_ == ENOTDIR; }
  bool regular() const noexcept { return S_ISREG(st_.st_mode); }
  std::uintmax_t size() const noexcept { return static_cast<std::uintmax_t>(st_.st_size); }
  // The file's identity: two paths (a link, a hard link, "a/../a") name the same file when equal.
  std::pair<std::uintmax_t, std::uintmax_t> identity() const noexcept {
    return {static_cast<std::uintmax_t>(st_.st_dev), static_cast<std::uintmax_t>(st_.st_ino)};
  }
  std::string reason() const { return std::strerror(error_); }

  // The whole file. The first read asks for the size fstat gave plus one byte, so that a file
  // that did not change is read in one call; a file that grows meanwhile is read to its end all
  // the same (a read that fills the block asks for more). False on a read error (see error()).
  bool read_all(std::string& s) {
    const std::uintmax_t now = size();
    std::size_t block = now > (std::uintmax_t{1} << 30) ? std::size_t{1} << 16 : static_cast<std::size_t>(now) + 1;
    std::size_t n = 0;
    s.clear();
    for (;;) {
      if (s.size() < n + block) s.resize(n + block);
      const ::ssize_t got = ::read(fd_, s.data() + n, s.size() - n);
      if (got < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      if (got == 0) break;
      n += static_cast<std::size_t>(got);
      if (n == now && n < s.size()) break;  // all fstat saw, and no more came: no read to see the end
      if (n == s.size()) block = std::min<std::size_t>(std::max<std::size_t>(n, std::size_t{1} << 16), std::size_t{1} << 26);
    }
    s.resize(n);
    return true;
  }

 private:
  int fd_ = -1;
  int error_ = 0;
  struct ::stat st_ {};
};

// The whole file, or nothing when it cannot be opened or read.
std::optional<std::string> slurp(const fs::path& p) {
  open_file f(p);
  std::string s;
  if (!f.ok() || !f.read_all(s)) return std::nullopt;
  return s;
}

void add_entry(detail::manifest_entries& m, std::string name, metadata md, const location& at,
               std::vector<diagnostic>& diags) {
  if (m.count(name))
    diags.push_back({severity::warning, at, fmt::format("'{}' is listed twice; the later entry is used", name)});
  m[std::move(name)] = std::move(md);
}

// A manifest of the plain shape (corpus/manifest_scan.hpp), read without yaml-cpp: the same
// entries, warnings and errors as read_yaml_manifest() gives for it.
void read_plain_manifest(detail::manifest_entries& m, const std::vector<detail::manifest_entry>& entries, const std::string& file,
                         std::vector<diagnostic>& diags) {
  for (const auto& e : entries) {
    const auto name_field = std::find_if(e.fields.begin(), e.fields.end(), [](const auto& f) { return f.key == "file"; });
    if (name_field == e.fields.end())
      throw input_error(position_at(file, e.at), "each entry of 'documents' needs a 'file:' key");
    metadata md;
    md.line = e.at.line + 1;
    for (const auto& f : e.fields)
      read_field(
          md, f.key, true, [&] { return std::string(f.value); }, [&] { return position_at(file, f.key_at); },
          [&] { return position_at(file, f.value_at); });
    add_entry(m, std::string(name_field->value), std::move(md), position_at(file, e.at), diags);
  }
}

void read_yaml_manifest(detail::manifest_entries& m, const std::string& text, const std::string& file, std::vector<diagnostic>& diags) {
  const YAML::Node root = detail::parse_yaml(text, file, false);
  try {
    if (!root.IsMap() || !root["documents"])
      throw input_error(detail::where(file, root.Mark()), "expected a mapping with a 'documents:' list");
    const YAML::Node docs = root["documents"];
    if (!docs.IsSequence())
      throw input_error(detail::where(file, docs.Mark()), "'documents' must be a list of entries (- file: name.txt ...)");
    for (const auto& d : docs) {
      if (!d.IsMap() || !d["file"])
        throw input_error(detail::where(file, d.Mark()), "each entry of 'documents' needs a 'file:' key");
      std::string name = scalar(d["file"], file, "file");
      metadata md = read_metadata(d, file, true);
      add_entry(m, std::move(name), std::move(md), detail::where(file, d.Mark()), diags);
    }
  } catch (const YAML::Exception& e) {
    throw input_error(detail::where(file, e.mark), e.msg);
  }
}

manifest read_manifest(const fs::path& p, std::vector<diagnostic>& diags) {
  const std::string file = p.string();
  const auto text = slurp(p);
  if (!text) throw input_error(at(file), "cannot read the manifest");
  manifest m{p, {}};
  detail::read_manifest_text(*text, file, diags, m.entries);
  return m;
}

bool has_extension(const fs::path& p, const std::vector<std::string>& exts) {
  const std::string e = detail::lower(p.extension().string());
  return std::find(exts.begin(), exts.end(), e) != exts.end();
}

void apply(const metadata& md, document& d) {
  if (!md.source.empty()) d.source = md.source;
  if (!md.author.empty()) d.author = md.author;
  if (!md.url.empty()) d.url = md.url;
  if (md.published) d.published = *md.published;
}

// Front matter: "---" on the first line, YAML, then a line "---" (or "..."). Sets d.body_begin
// past it and fills `front`. Returns false and adds a warning when it is broken.
bool read_front_matter(document& d, std::size_t start, std::optional<metadata>& front, std::vector<diagnostic>& diags) {
  const std::string_view t = d.text;
  auto line_end = [&](std::size_t i) { auto e = t.find('\n', i); return e == std::string_view::npos ? t.size() : e; };
  auto line_at = [&](std::size_t i, std::size_t e) {
    std::string_view l = t.substr(i, e - i);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    return l;
  };
  std::size_t e = line_end(start);
  if (line_at(start, e) != "---") return true;  // no front matter
  const std::size_t yaml_begin = std::min(e + 1, t.size());
  std::size_t i = yaml_begin;
  std::size_t line_no = 2;
  while (i < t.size()) {
    const std::size_t le = line_end(i);
    const std::string_view l = line_at(i, le);
    if (l == "---" || l == "...") {
      const std::string yaml(t.substr(yaml_begin, i - yaml_begin));
      try {
        front = detail::read_front_matter_yaml(yaml, d.path);
      } catch (const YAML::Exception& ex) {
        location w = detail::where(d.path, ex.mark);
        if (w.line) *w.line += 1;  // the YAML starts on line 2 of the file
        diags.push_back({severity::warning, w, "front matter is not valid YAML: " + ex.msg + "; file skipped"});
        return false;
      } catch (const input_error& ex) {
        location w = ex.where();
        if (w.line) *w.line += 1;
        diags.push_back({severity::warning, w, "front matter: " + ex.message() + "; file skipped"});
        return false;
      }
      d.body_begin = std::min(le + 1, t.size());
      return true;
    }
    i = le + 1;
    ++line_no;
  }
  diags.push_back({severity::warning, at_line(d.path, 1, 1),
                   fmt::format("front matter opened with '---' on line 1 is never closed (no '---' line in {} lines); "
                               "file skipped",
                               line_no - 1)});
  return false;
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return detail::is_space(c); });
}

}  // namespace

void detail::read_manifest_text(const std::string& text, const std::string& file, std::vector<diagnostic>& diags,
                                manifest_entries& entries, manifest_reader how) {
  if (auto bad = find_invalid_utf8(text)) throw input_error(at(file, *bad), "the manifest is not valid UTF-8");
  if (how == manifest_reader::fastest) {
    if (const auto plain = scan_plain_manifest(text)) {
      read_plain_manifest(entries, *plain, file, diags);
      return;
    }
  }
  read_yaml_manifest(entries, text, file, diags);
}

detail::document_metadata detail::read_front_matter_yaml(const std::string& yaml, const std::string& file,
                                                        manifest_reader how) {
  if (how == manifest_reader::fastest) {
    if (const auto plain = scan_plain_mapping(yaml)) {
      metadata md;
      md.line = plain->at.line + 1;
      for (const auto& f : plain->fields)
        read_field(
            md, f.key, false, [&] { return std::string(f.value); }, [&] { return position_at(file, f.key_at); },
            [&] { return position_at(file, f.value_at); });
      return md;
    }
  }
  const YAML::Node root = YAML::Load(yaml);
  return root.IsNull() ? metadata{} : read_metadata(root, file, false);
}

bool parse_publication_time(std::string_view s, publication_time& out) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  auto digits = [&](std::size_t pos, std::size_t n, int& v) {
    if (pos + n > s.size()) return false;
    v = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (!is_ascii_digit(s[pos + k])) return false;
      v = v * 10 + (s[pos + k] - '0');
    }
    return true;
  };
  int y = 0, mo = 0, da = 0;
  if (!digits(0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(5, 2, mo) || s[7] != '-' || !digits(8, 2, da))
    return false;
  const date_value dv = date_value::of_day(y, static_cast<unsigned>(mo), static_cast<unsigned>(da));
  if (!dv.ok()) return false;
  publication_time p;
  p.text = std::string(s);
  p.date = dv;
  std::size_t i = 10;
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != ' ') return false;
    int h = 0, mi = 0, sec = 0;
    if (!digits(i + 1, 2, h) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(i + 4, 2, mi)) return false;
    i += 6;
    if (i < s.size() && s[i] == ':') {
      if (!digits(i + 1, 2, sec)) return false;
      i += 3;
    }
    if (h > 23 || mi > 59 || sec > 60) return false;
    p.minute_of_day = h * 60 + mi;
    if (i < s.size()) {
      const std::string_view z = s.substr(i);
      utc_offset off;
      if (z == "Z") off.minutes = 0;
      else if (!detail::parse_offset(z, off)) return false;
      p.offset = off;
    }
  }
  out = std::move(p);
  return true;
}

namespace {

// The files a reader has read, by identity (device, inode).
using file_ids = std::set<std::pair<std::uintmax_t, std::uintmax_t>>;

// Reads and checks one file; `front` gets the front matter's metadata when there is some. When
// `seen` is given, a file already in it (the same file under another path, or the same path
// again) is skipped with a warning.
bool load_file(const fs::path& file, const load_options& opts, document& out, std::optional<metadata>& front,
               std::vector<diagnostic>& diags, file_ids* seen = nullptr) {
  const std::string name = file.string();
  open_file f(file);
  if (!f.ok()) {
    if (f.missing()) throw input_error(at(name), "no such file");
    diags.push_back({severity::warning, at(name), fmt::format("cannot open the file for reading ({}); skipped", f.reason())});
    return false;
  }
  if (seen && !seen->insert(f.identity()).second) {
    diags.push_back({severity::warning, at(name), "given more than once; read once"});
    return false;
  }
  if (!f.regular()) {
    diags.push_back({severity::warning, at(name), "not a regular file; skipped"});
    return false;
  }
  const auto size = f.size();
  constexpr std::uintmax_t offset_limit = 0xFFFFFFFFu;  // offsets are kept in 32 bits
  if (size > opts.max_file_bytes || size >= offset_limit) {
    diags.push_back({severity::warning, at(name),
                     fmt::format("file is {} bytes, over the limit of {} bytes (raise it with --max-file-size, "
                                 "up to 4 GiB); skipped",
                                 size, std::min<std::uintmax_t>(opts.max_file_bytes, offset_limit - 1))});
    return false;
  }
  std::string bytes;
  if (!f.read_all(bytes)) {
    diags.push_back({severity::warning, at(name), fmt::format("cannot read the file ({}); skipped", f.reason())});
    return false;
  }
  if (is_blank(bytes)) {
    diags.push_back({severity::warning, at(name), bytes.empty() ? "empty file; skipped" : "file holds only white space; skipped"});
    return false;
  }
  if (const auto nul = bytes.find('\0'); nul != std::string::npos) {
    diags.push_back({severity::warning, at(name, nul), "binary file (NUL byte); skipped"});
    return false;
  }
  if (const auto bad = find_invalid_utf8(bytes)) {
    diags.push_back({severity::warning, at(name, *bad),
                     fmt::format("invalid UTF-8 at byte {}; skipped (convert the file to UTF-8, e.g. with iconv)", *bad)});
    return false;
  }
  document d;
  d.id = file.filename().string();
  d.path = name;
  d.text = std::move(bytes);
  const std::size_t start = d.text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  d.body_begin = start;
  if (!read_front_matter(d, start, front, diags)) return false;
  if (is_blank(std::string_view(d.text).substr(d.body_begin))) {
    diags.push_back({severity::warning, at(name), "no text after the front matter; skipped"});
    return false;
  }
  out = std::move(d);
  return true;
}

}  // namespace

bool load_document(const fs::path& file, const load_options& opts, document& out, std::vector<diagnostic>& diags) {
  std::optional<metadata> front;
  if (!load_file(file, opts, out, front, diags)) return false;
  if (front) apply(*front, out);
  return true;
}

struct corpus_reader::impl {
  struct item {
    fs::path file;
    std::string relative;          // the path from the folder to the file, as a manifest lists it
    const manifest* m = nullptr;   // the folder's manifest, or nullptr
    std::uintmax_t bytes = 0;      // size on disk when listed (0 when unknown)
  };
  load_options opts;
  std::map<fs::path, std::optional<manifest>> manifests;  // by folder; nodes never move
  std::vector<item> items;
  std::size_t pos = 0;
  std::uintmax_t total = 0, done = 0;
  std::set<std::string> ids;
  file_ids seen;  // the files already read
  std::vector<diagnostic> diags;
  std::vector<std::string> dated, zoned;  // ids given the reference date / default zone (the first few)
  std::size_t dated_n = 0, zoned_n = 0;
  bool finished = false;

  const manifest* manifest_for(const fs::path& folder) {
    auto it = manifests.find(folder);
    if (it == manifests.end()) {
      const fs::path mp = folder / "manifest.yaml";
      std::error_code ec;
      std::optional<manifest> m;
      if (fs::exists(mp, ec)) m = read_manifest(mp, diags);
      it = manifests.emplace(folder, std::move(m)).first;
    }
    return it->second ? &*it->second : nullptr;
  }

  void push(fs::path file, std::string relative, const manifest* m, std::uintmax_t bytes) {
    items.push_back({std::move(file), std::move(relative), m, bytes});
    total += bytes;
  }

  void list(const std::vector<fs::path>& paths) {
    for (const fs::path& p : paths) {
      std::error_code ec;
      const fs::file_status st = fs::status(p, ec);
      if (!fs::exists(st)) throw input_error(at(p.string()), "no such file or folder");
      if (fs::is_directory(st)) {
        const manifest* m = manifest_for(p);
        // The folder's files, then the files its manifest lists elsewhere (in sub-folders).
        // Sorted by name, they sort as their paths do; a path compare (component by component)
        // is needed only once a manifest adds a path of its own.
        struct listed {
          std::string name;  // the file's name, or its path from the folder when a manifest lists it elsewhere
          fs::path path;
          std::uintmax_t bytes;
        };
        std::vector<listed> files;
        fs::directory_iterator it(p, ec);
        if (ec) throw input_error(at(p.string()), "cannot list the folder: " + ec.message());
        for (const auto& entry : it) {
          if (!has_extension(entry.path(), opts.extensions)) continue;
          std::error_code entry_ec;
          if (entry.is_regular_file(entry_ec)) {
            const auto size = entry.file_size(entry_ec);
            files.push_back({entry.path().filename().string(), entry.path(), entry_ec ? 0 : size});
          } else {
            // A dangling link or a folder named like an article: said, not dropped.
            diags.push_back({severity::warning, at(entry.path().string()),
                             entry.is_symlink(entry_ec) ? "a link to nothing; skipped" : "not a regular file; skipped"});
          }
        }
        std::sort(files.begin(), files.end(), [](const listed& x, const listed& y) { return x.name < y.name; });
        if (m) {
          const std::size_t in_folder = files.size();
          for (const auto& [name, md] : m->entries) {
            const auto folder_end = files.begin() + static_cast<std::ptrdiff_t>(in_folder);
            const auto found = std::lower_bound(files.begin(), folder_end, name,
                                                [](const listed& x, const std::string& n) { return x.name < n; });
            if (found != folder_end && found->name == name) continue;
            fs::path f = p / name;  // not a file of the folder itself: asked of the file system
            const fs::file_status fst = fs::status(f, ec);
            if (!fs::exists(fst)) {
              diags.push_back({severity::warning, at_line(m->path.string(), md.line),
                               fmt::format("lists '{}', which is not in {}; entry skipped", name, p.string())});
              continue;
            }
            const auto size = fs::is_regular_file(fst) ? fs::file_size(f, ec) : 0;
            std::string relative = f.lexically_relative(p).generic_string();
            files.push_back({std::move(relative), std::move(f), ec ? 0 : size});
          }
          if (files.size() > in_folder) {  // the same order and the same files as a map by path
            std::stable_sort(files.begin(), files.end(), [](const listed& x, const listed& y) { return x.path < y.path; });
            files.erase(std::unique(files.begin(), files.end(), [](const listed& x, const listed& y) { return x.path == y.path; }),
                        files.end());
          }
        }
        for (auto& f : files) push(std::move(f.path), std::move(f.name), m, f.bytes);
      } else {
        const fs::path folder = p.has_parent_path() ? p.parent_path() : fs::path(".");
        const auto size = fs::is_regular_file(st) ? fs::file_size(p, ec) : 0;
        push(p, p.lexically_relative(folder).generic_string(), manifest_for(folder), ec ? 0 : size);
      }
    }
  }

  // Reads one listed file; false when it is skipped (with a warning).
  bool read(const item& it, document& out) {
    const fs::path& file = it.file;
    document d;
    std::optional<metadata> front;
    if (!load_file(file, opts, d, front, diags, &seen)) return false;
    if (const manifest* m = it.m) {
      // Entries are looked up by the path relative to the manifest's folder ("sub/a.txt"), so a
      // manifest may list files in sub-folders.
      const std::string& relative = it.relative;
      auto e = m->entries.find(relative);
      if (e == m->entries.end()) e = m->entries.find(d.id);
      if (e != m->entries.end()) {
        if (relative != d.id && e->first == relative) d.id = relative;
        apply(e->second, d);
      } else if (!front) {
        diags.push_back({severity::warning, at(file.string()),
                         fmt::format("not listed in {}: source and date unknown", m->path.string())});
      }
    }
    if (front) apply(*front, d);  // front matter wins over the manifest
    if (ids.count(d.id)) d.id = file.string();  // two folders with the same file name
    for (int n = 2; ids.count(d.id); ++n) d.id = fmt::format("{}#{}", file.string(), n);
    ids.insert(d.id);
    assume(d);
    out = std::move(d);
    return true;
  }

  void assume(document& d) {
    constexpr std::size_t named = 5;  // ids listed in the note; the rest are counted
    if (!d.published.date && opts.reference_date) {
      const date_value& r = *opts.reference_date;
      d.published.date = r;
      d.published.assumed = true;
      if (d.published.text.empty()) d.published.text = fmt::format("{:04}-{:02}-{:02}", r.year, r.month, r.day);
      if (dated_n++ < named) dated.push_back(d.id);
    }
    if (!d.published.offset && opts.default_zone) {
      d.published.offset = opts.default_zone;
      d.published.assumed = true;
      if (zoned_n++ < named) zoned.push_back(d.id);
    }
  }

  void finish() {
    if (finished) return;
    finished = true;
    auto note = [&](const std::vector<std::string>& names, std::size_t n, const std::string& what) {
      if (!n) return;
      std::string list;
      for (const auto& id : names) list += (list.empty() ? "" : ", ") + id;
      if (n > names.size()) list += fmt::format(" and {} more", n - names.size());
      diags.push_back({severity::note, at(names.front()), fmt::format("{} assumed for {} document(s): {}", what, n, list)});
    };
    if (opts.reference_date) {
      const date_value& r = *opts.reference_date;
      note(dated, dated_n,
           fmt::format("no publication date in the metadata; {:04}-{:02}-{:02} (the reference date) was", r.year, r.month,
                       r.day));
    }
    if (opts.default_zone)
      note(zoned, zoned_n, fmt::format("no publication zone in the metadata; {} (the default zone) was",
                                       to_string(*opts.default_zone)));
  }
};

corpus_reader::corpus_reader(const std::vector<fs::path>& paths, const load_options& opts) : impl_(std::make_unique<impl>()) {
  impl_->opts = opts;
  impl_->list(paths);
}
corpus_reader::~corpus_reader() = default;
corpus_reader::corpus_reader(corpus_reader&&) noexcept = default;
corpus_reader& corpus_reader::operator=(corpus_reader&&) noexcept = default;

bool corpus_reader::next(document& out) {
  impl& r = *impl_;
  while (r.pos < r.items.size()) {
    const impl::item& it = r.items[r.pos++];
    r.done += it.bytes;
    if (r.read(it, out)) return true;
  }
  r.finish();
  return false;
}

std::size_t corpus_reader::files() const noexcept { return impl_->items.size(); }
std::size_t corpus_reader::files_done() const noexcept { return impl_->pos; }
std::uintmax_t corpus_reader::total_bytes() const noexcept { return impl_->total; }
std::uintmax_t corpus_reader::bytes_done() const noexcept { return impl_->done; }
const std::vector<diagnostic>& corpus_reader::diagnostics() const noexcept { return impl_->diags; }

corpus load_corpus(const std::vector<fs::path>& paths, const load_options& opts) {
  corpus c;
  corpus_reader reader(paths, opts);
  document d;
  while (reader.next(d)) c.documents.push_back(std::move(d));
  c.diagnostics = reader.diagnostics();
  return c;
}

void strip_text(document& d) {
  text_summary s;
  s.bytes = d.stripped ? d.stripped->bytes : d.text.size();
  s.sentences = d.stripped ? d.stripped->sentences : d.sentences.size();
  s.repeated_blocks = d.stripped ? d.stripped->repeated_blocks : 0;
  for (const auto& p : d.paragraphs) s.repeated_blocks += p.repeat_of.has_value();
  d.stripped = s;
  std::string().swap(d.text);
  std::string().swap(d.normalized);
  std::vector<std::uint32_t>().swap(d.norm_to_orig);
  std::vector<paragraph>().swap(d.paragraphs);
  std::vector<sentence>().swap(d.sentences);
}

}  // namespace crosscheck
