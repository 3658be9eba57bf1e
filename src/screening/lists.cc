// Helpers shared by the loaders, and the parser of OFAC-style remarks (also used for CSL rows
// copied from OFAC). The loaders themselves are in lists_ofac.cc, lists_csl.cc, lists_dpl.cc,
// lists_un.cc and lists_ftm.cc.
#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "core/hash.h"
#include "core/strings.h"
#include "screening/lists_internal.h"

namespace ckyc::screening::internal {

std::string RowError(std::string_view source, std::size_t line, std::string_view field, std::string_view what) {
  std::string out(source);
  if (line != 0) out += ":" + std::to_string(line);
  out += ": field '";
  out += field;
  out += "': ";
  out += what;
  return out;
}

std::string_view Clean(std::string_view s) {
  s = TrimAscii(s);
  return s == "-0-" ? std::string_view() : s;
}

void AddUnique(std::vector<std::string>& out, std::string_view value) {
  value = TrimAscii(value);
  if (value.empty()) return;
  if (std::find(out.begin(), out.end(), value) == out.end()) out.emplace_back(value);
}

void AddIdentifier(ListEntry& e, std::string_view type, std::string_view value) {
  type = TrimAscii(type);
  value = TrimAscii(value);
  if (type.empty() || value.empty()) return;
  for (const auto& [t, v] : e.identifiers) {
    if (t == type && v == value) return;
  }
  e.identifiers.emplace_back(std::string(type), std::string(value));
}

void AddCountry(ListEntry& e, std::string_view text, const CountryTable& countries) {
  text = TrimAscii(text);
  if (text.empty()) return;
  if (const Country* c = countries.Find(text)) AddUnique(e.countries, c->alpha2);
}

std::vector<std::string_view> SplitTrim(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t end = s.find(sep, pos);
    if (end == std::string_view::npos) end = s.size();
    std::string_view part = TrimAscii(s.substr(pos, end - pos));
    if (!part.empty()) out.push_back(part);
    pos = end + 1;
  }
  return out;
}

bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

std::string StableId(const std::vector<std::string_view>& parts) {
  std::string joined;
  for (std::string_view p : parts) {
    joined += p;
    joined += '\x1f';
  }
  // A fixed seed: the id must not change between runs or builds, since cases refer to it.
  std::uint64_t h = Hash64(joined, 0x636b79632d6c6973ULL);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

namespace {

// Identifier labels OFAC writes in remarks, most specific first where one is a prefix of another
// (the table is searched in order). Measured on the 2019–2025 SDN and non-SDN files; a label not
// here leaves the fact in the remarks text only.
constexpr std::string_view kIdLabels[] = {
    "Unified Social Credit Code (USCC)",
    "United Social Credit Code Certificate (USCCC)",
    "Chinese Commercial Code",
    "Vessel Registration Identification IMO",
    "Identification Number IMO",
    "Company Number IMO",
    "IMO",
    "MMSI",
    "Passport",
    "Diplomatic Passport",
    "National ID No.",
    "National Foreign ID Number",
    "Personal ID Card",
    "Identification Number",
    "Registration Number",
    "Registration ID",
    "Business Registration Number",
    "Business Registration Document #",
    "Commercial Registry Number",
    "Company Number",
    "Government Gazette Number",
    "Public Registration Number",
    "Certificate of Incorporation Number",
    "Enterprise Number",
    "Legal Entity Number",
    "Tax ID No.",
    "V.A.T. Number",
    "Cedula No.",
    "C.U.R.P.",
    "CURP #",
    "R.F.C.",
    "RFC #",
    "NIT #",
    "RUC #",
    "D.N.I.",
    "C.R. No.",
    "Folio Mercantil No.",
    "Matricula Mercantil No",
    "Trade License No.",
    "Electoral Registry No.",
    "Driver's License No.",
    "Residency Number",
    "Kenyan ID No.",
    "Birth Certificate Number",
    "Stateless Person ID Card",
    "Stateless Person Passport",
    "Refugee ID Card",
    "SSN",
    "Registered Charity No.",
    "Economic Register Number (CBLS)",
    "SWIFT/BIC",
    "ISIN",
    "D-U-N-S Number",
    "Aircraft Manufacturer's Serial Number (MSN)",
    "Aircraft Tail Number",
    "Aircraft Construction Number (also called L/N or S/N or F/N)",
    "Dubai Chamber of Commerce Membership No.",
    "UK Company Number",
    "Chamber of Commerce Number",
    "Moroccan Personal ID No.",
    "Bosnian Personal ID No.",
    "Istanbul Chamber of Comm. No.",
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Reads a quoted alias after "a.k.a. " at `s`: the closing quote is the first "'" followed by the
// end, ';', or '.' then end/';' — names themselves hold apostrophes ("NU'MAN").
std::string_view QuotedAlias(std::string_view s) {
  if (s.empty() || s.front() != '\'') return {};
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] != '\'') continue;
    std::string_view rest = s.substr(i + 1);
    if (rest.empty() || rest.front() == ';' || rest == "." || StartsWith(rest, ".;")) return s.substr(1, i - 1);
  }
  return {};
}

// Splits remarks into facts on "; ", except inside an a.k.a. quote (a name may hold "; ").
std::vector<std::string_view> Facts(std::string_view remarks) {
  std::vector<std::string_view> out;
  std::size_t start = 0, i = 0;
  while (i < remarks.size()) {
    std::string_view here = remarks.substr(i);
    if (i == start) {
      std::string_view f = here;
      if (StartsWith(f, "alt. ")) f.remove_prefix(5);
      if (StartsWith(f, "a.k.a. ") || StartsWith(f, "f.k.a. ") || StartsWith(f, "n.k.a. ")) {
        std::string_view q = QuotedAlias(f.substr(7));
        if (!q.empty()) i += static_cast<std::size_t>(f.data() - here.data()) + 7 + q.size() + 2;
      }
    }
    if (i < remarks.size() && remarks[i] == ';') {
      out.push_back(TrimAscii(remarks.substr(start, i - start)));
      start = i + 1;
      while (start < remarks.size() && remarks[start] == ' ') ++start;
      i = start;
      continue;
    }
    ++i;
  }
  if (start < remarks.size()) out.push_back(TrimAscii(remarks.substr(start)));
  return out;
}

// The value of an identifier fact after its label: up to " (" (the issuing country), " issued "
// or " expires ", less a trailing '.'.
std::string_view IdValue(std::string_view rest) {
  for (std::string_view stop : {std::string_view(" ("), std::string_view(" issued "), std::string_view(" expires "),
                                std::string_view(" Issue Date ")}) {
    std::size_t p = rest.find(stop);
    if (p != std::string_view::npos) rest = rest.substr(0, p);
  }
  rest = TrimAscii(rest);
  while (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
  return rest;
}

}  // namespace

std::string CanonicalIdType(std::string_view label) {
  label = TrimAscii(label);
  if (StartsWith(label, "alt. ")) label.remove_prefix(5);
  if (label == "Vessel Registration Identification IMO" || label == "Identification Number IMO" ||
      label == "Company Number IMO" || label == "IMO" || label == "Vessel Registration Identification")
    return "IMO";
  if (label == "Unified Social Credit Code (USCC)" || label == "United Social Credit Code Certificate (USCCC)")
    return "USCC";
  return std::string(label);
}

void ParseOfacRemarks(std::string_view remarks, ListEntry& e, const CountryTable& countries) {
  remarks = TrimAscii(remarks);
  if (!remarks.empty() && remarks.back() == '.') remarks.remove_suffix(1);
  for (std::string_view fact : Facts(remarks)) {
    if (StartsWith(fact, "alt. ")) fact.remove_prefix(5);
    fact = TrimAscii(fact);
    if (fact.empty()) continue;
    if (StartsWith(fact, "a.k.a. ") || StartsWith(fact, "f.k.a. ") || StartsWith(fact, "n.k.a. ")) {
      std::string_view q = QuotedAlias(fact.substr(7));
      if (q.empty() && fact.size() > 8 && fact[7] == '\'' && fact.back() == '\'') q = fact.substr(8, fact.size() - 9);
      AddUnique(e.aliases, q);
      continue;
    }
    if (StartsWith(fact, "DOB ")) {
      AddUnique(e.dates_of_birth, fact.substr(4));
      continue;
    }
    if (StartsWith(fact, "nationality ")) {
      AddCountry(e, fact.substr(12), countries);
      continue;
    }
    if (StartsWith(fact, "citizen ")) {
      AddCountry(e, fact.substr(8), countries);
      continue;
    }
    for (std::string_view label : kIdLabels) {
      if (fact.size() > label.size() + 1 && StartsWith(fact, label) && fact[label.size()] == ' ') {
        std::string_view value = IdValue(fact.substr(label.size() + 1));
        // A value is an identifier only if it holds a digit: "Passport" facts such as "Passport
        // details unknown" must not become identifiers.
        if (std::any_of(value.begin(), value.end(), IsAsciiDigit)) AddIdentifier(e, CanonicalIdType(label), value);
        break;
      }
    }
  }
}

}  // namespace ckyc::screening::internal
