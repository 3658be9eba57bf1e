// UN Security Council Consolidated List XML, parsed with libxml2.
//
// Safety: the document comes from outside, so it is parsed with XML_PARSE_NONET (no network) and
// WITHOUT XML_PARSE_NOENT / XML_PARSE_DTDLOAD / XML_PARSE_HUGE: external entities are never
// loaded or substituted, and libxml2's default limits on entity amplification and depth apply.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>

#include "core/strings.h"
#include "screening/lists.h"
#include "screening/lists_internal.h"

namespace ckyc::screening {
namespace {

using internal::AddCountry;
using internal::AddIdentifier;
using internal::AddUnique;
using internal::RowError;

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

// libxml2 uses unsigned char for UTF-8 text; these two casts are the only place we convert.
std::string_view Name(const xmlNode* n) {
  return n->name == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(n->name));
}
bool Is(const xmlNode* n, std::string_view name) {
  return n->type == XML_ELEMENT_NODE && Name(n) == name;
}

// The trimmed text content of an element ("" when empty or absent).
std::string Text(const xmlNode* n) {
  if (n == nullptr) return {};
  xmlChar* c = xmlNodeGetContent(n);
  if (c == nullptr) return {};
  std::string s(TrimAscii(std::string_view(reinterpret_cast<const char*>(c))));
  xmlFree(c);
  return s;
}
const xmlNode* Child(const xmlNode* n, std::string_view name) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (Is(c, name)) return c;
  }
  return nullptr;
}
std::string ChildText(const xmlNode* n, std::string_view name) {
  return Text(Child(n, name));
}

template <typename Fn>
void ForChildren(const xmlNode* n, std::string_view name, Fn fn) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (Is(c, name)) fn(c);
  }
}

void ReadAddress(ListEntry& e, const xmlNode* a, const CountryTable& countries) {
  std::string line;
  for (std::string_view part : {"STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"}) {
    std::string v = ChildText(a, part);
    if (v.empty()) continue;
    if (!line.empty()) line += ", ";
    line += v;
  }
  AddUnique(e.addresses, line);
  AddCountry(e, ChildText(a, "COUNTRY"), countries);
}

// One INDIVIDUAL or ENTITY; `prefix` is "INDIVIDUAL" or "ENTITY".
void ReadRecord(ListLoad& out, const xmlNode* r, std::string_view prefix, std::string_view source,
                const CountryTable& countries) {
  ++out.rows;
  const std::size_t line = static_cast<std::size_t>(xmlGetLineNo(r) < 0 ? 0 : xmlGetLineNo(r));
  ListEntry e;
  e.list = "UN";
  e.line = line;
  e.kind = prefix == "INDIVIDUAL" ? "individual" : "entity";
  e.entry_id = ChildText(r, "REFERENCE_NUMBER");
  if (e.entry_id.empty()) {
    out.errors.push_back(RowError(source, line, "REFERENCE_NUMBER", "missing"));
    return;
  }
  for (std::string_view part : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
    std::string v = ChildText(r, part);
    if (v.empty()) continue;
    if (!e.name.empty()) e.name += ' ';
    e.name += v;
  }
  if (e.name.empty()) {
    out.errors.push_back(RowError(source, line, "FIRST_NAME", "no name in " + e.entry_id));
    return;
  }
  AddUnique(e.aliases, ChildText(r, "NAME_ORIGINAL_SCRIPT"));
  ForChildren(r, std::string(prefix) + "_ALIAS",
              [&](const xmlNode* a) { AddUnique(e.aliases, ChildText(a, "ALIAS_NAME")); });
  ForChildren(r, "NATIONALITY", [&](const xmlNode* n) {
    ForChildren(n, "VALUE", [&](const xmlNode* v) { AddCountry(e, Text(v), countries); });
  });
  ForChildren(r, std::string(prefix) + "_ADDRESS", [&](const xmlNode* a) { ReadAddress(e, a, countries); });
  ForChildren(r, "INDIVIDUAL_DATE_OF_BIRTH", [&](const xmlNode* d) {
    std::string type = ChildText(d, "TYPE_OF_DATE");
    std::string date = ChildText(d, "DATE");
    if (date.empty()) date = ChildText(d, "YEAR");
    std::string from = ChildText(d, "FROM_YEAR"), to = ChildText(d, "TO_YEAR");
    if (date.empty() && !from.empty()) date = to.empty() ? from : from + " to " + to;
    if (!date.empty() && type == "APPROXIMATELY") date = "circa " + date;
    AddUnique(e.dates_of_birth, date);
  });
  ForChildren(r, "INDIVIDUAL_DOCUMENT",
              [&](const xmlNode* d) { AddIdentifier(e, ChildText(d, "TYPE_OF_DOCUMENT"), ChildText(d, "NUMBER")); });
  ForChildren(r, "UN_LIST_TYPE", [&](const xmlNode* p) { AddUnique(e.programs, Text(p)); });
  e.remarks = ChildText(r, "COMMENTS1");
  out.entries.push_back(std::move(e));
}

}  // namespace

Result<ListLoad> LoadUn(std::string_view text, std::string_view source, const CountryTable& countries) {
  ListLoad out;
  out.format = "un";
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) {
    return Status::InvalidArgument(std::string(source) + ": too large for the XML parser");
  }
  const std::string url(source);
  std::unique_ptr<xmlDoc, DocDeleter> doc(
      xmlReadMemory(text.data(), static_cast<int>(text.size()), url.c_str(), nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS));
  if (doc == nullptr) {
    const xmlError* err = xmlGetLastError();
    std::string why = err != nullptr && err->message != nullptr ? std::string(TrimAscii(err->message)) : "parse failed";
    if (err != nullptr && err->line > 0) {
      return Status::InvalidArgument(std::string(source) + ":" + std::to_string(err->line) + ": not valid XML: " + why);
    }
    return Status::InvalidArgument(std::string(source) + ": not valid XML: " + why);
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr || !Is(root, "CONSOLIDATED_LIST")) {
    return Status::InvalidArgument(std::string(source) + ": not a UN Consolidated List (root element is not " +
                                   "CONSOLIDATED_LIST)");
  }
  if (xmlChar* gen = xmlGetProp(root, reinterpret_cast<const xmlChar*>("dateGenerated"))) {
    std::string_view g(reinterpret_cast<const char*>(gen));
    if (g.size() >= 10 && g[4] == '-' && g[7] == '-') out.published = std::string(g.substr(0, 10));
    xmlFree(gen);
  }
  if (const xmlNode* people = Child(root, "INDIVIDUALS")) {
    ForChildren(people, "INDIVIDUAL", [&](const xmlNode* r) { ReadRecord(out, r, "INDIVIDUAL", source, countries); });
  }
  if (const xmlNode* entities = Child(root, "ENTITIES")) {
    ForChildren(entities, "ENTITY", [&](const xmlNode* r) { ReadRecord(out, r, "ENTITY", source, countries); });
  }
  return out;
}

}  // namespace ckyc::screening
