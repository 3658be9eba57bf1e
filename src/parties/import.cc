#include "parties/import.h"

#include <simdjson.h>

#include <cmath>
#include <set>

#include "core/csv.h"
#include "core/strings.h"

namespace ckyc::parties {
namespace {

using simdjson::dom::element;

// Collects the problems of one record; every accessor notes what is wrong and returns a default.
class Record {
 public:
  Record(element e, std::string_view source, std::size_t line, std::vector<std::string>& errors,
         const CountryTable& countries)
      : e_(e), source_(source), line_(line), errors_(errors), countries_(countries) {}

  void Error(std::string_view field, const std::string& what) {
    errors_.push_back(std::string(source_) + ":" + std::to_string(line_) +
                      (field.empty() ? std::string() : ": field '" + std::string(field) + "'") + ": " + what);
  }
  bool Has(element e, std::string_view key) const {
    element v;
    return e.is_object() && !e.get_object()[key].get(v) && !v.is_null();
  }
  bool Has(std::string_view key) const { return Has(e_, key); }
  std::string StrIn(element e, std::string_view key, bool required = false) {
    element v;
    if (!e.is_object() || e.get_object()[key].get(v) || v.is_null()) {
      if (required) Error(key, "required");
      return "";
    }
    std::string_view s;
    if (v.get_string().get(s)) {
      Error(key, "must be a string");
      return "";
    }
    if (required && TrimAscii(s).empty()) Error(key, "required but empty");
    return std::string(TrimAscii(s));
  }
  std::string Str(std::string_view key, bool required = false) { return StrIn(e_, key, required); }
  std::vector<std::string> StrListIn(element e, std::string_view key) {
    std::vector<std::string> out;
    element v;
    if (!e.is_object() || e.get_object()[key].get(v) || v.is_null()) return out;
    if (v.is_string()) {
      out.emplace_back(std::string_view(v.get_string()));
      return out;
    }
    simdjson::dom::array arr;
    if (v.get_array().get(arr)) {
      Error(key, "must be a list of strings");
      return out;
    }
    for (element x : arr) {
      std::string_view s;
      if (x.get_string().get(s)) {
        Error(key, "must be a list of strings");
        return {};
      }
      if (!TrimAscii(s).empty()) out.emplace_back(TrimAscii(s));
    }
    return out;
  }
  std::vector<std::string> StrList(std::string_view key) { return StrListIn(e_, key); }
  std::optional<bool> Bool(std::string_view key) {
    element v;
    if (e_.get_object()[key].get(v) || v.is_null()) return std::nullopt;
    bool b = false;
    if (v.get_bool().get(b)) {
      Error(key, "must be true or false");
      return std::nullopt;
    }
    return b;
  }
  std::optional<double> Number(element e, std::string_view key) {
    element v;
    if (!e.is_object() || e.get_object()[key].get(v) || v.is_null()) return std::nullopt;
    double d = 0;
    if (v.get_double().get(d)) {
      std::string_view s;
      if (!v.get_string().get(s)) {
        if (auto parsed = ParseDouble(s)) return *parsed;
      }
      Error(key, "must be a number");
      return std::nullopt;
    }
    return d;
  }
  std::string Country(const std::string& text, std::string_view field) {
    if (text.empty()) return "";
    const ckyc::Country* c = countries_.Find(text);
    if (c == nullptr) {
      Error(field, countries_.Resolve(text).status().message());
      return "";
    }
    return c->alpha2;
  }
  std::optional<Date> DateField(const std::string& text, std::string_view field) {
    if (text.empty()) return std::nullopt;
    auto d = ParseDate(text.substr(0, 10));
    if (!d.ok()) {
      Error(field, d.status().message());
      return std::nullopt;
    }
    return *d;
  }
  std::optional<double> Percent(std::optional<double> v, std::string_view field) {
    if (v && (*v < 0 || *v > 100 || !std::isfinite(*v))) {
      Error(field, "must be between 0 and 100, got " + FormatNumber(*v));
      return std::nullopt;
    }
    return v;
  }
  element e() const { return e_; }
  std::size_t line() const { return line_; }

 private:
  element e_;
  std::string_view source_;
  std::size_t line_;
  std::vector<std::string>& errors_;
  const CountryTable& countries_;
};

// Calls fn(line, element) for each JSON value: one per line, or the elements of one top-level array.
void ForEachJson(std::string_view text, std::string_view source, std::vector<std::string>& errors,
                 const std::function<void(std::size_t, element)>& fn) {
  simdjson::dom::parser parser;
  std::string_view trimmed = TrimAscii(text);
  if (!trimmed.empty() && trimmed.front() == '[') {
    element doc;
    if (auto err = parser.parse(simdjson::padded_string(text)).get(doc)) {
      errors.push_back(std::string(source) + ": not valid JSON: " + simdjson::error_message(err));
      return;
    }
    std::size_t i = 0;
    for (element x : doc.get_array()) fn(++i, x);  // for an array, "line" is the element number
    return;
  }
  for (Lines lines(text); lines.Next();) {
    const std::size_t line = lines.number();
    const std::string_view raw = TrimAscii(lines.line());
    if (raw.empty()) continue;
    element doc;
    if (parser.parse(raw.data(), raw.size()).get(doc) || !doc.is_object()) {
      errors.push_back(std::string(source) + ":" + std::to_string(line) + ": not a JSON object");
      continue;
    }
    fn(line, doc);
  }
}

void ReadAddress(Record& r, element e, std::string_view key, std::optional<Address>& out) {
  element a;
  if (!e.is_object() || e.get_object()[key].get(a) || a.is_null()) return;
  if (a.is_string()) {  // a one-line address
    Address addr;
    addr.street = std::string(std::string_view(a.get_string()));
    out = addr;
    return;
  }
  Address addr;
  addr.street = r.StrIn(a, "street");
  addr.city = r.StrIn(a, "city");
  addr.region = r.StrIn(a, "region");
  addr.postal_code = r.StrIn(a, "postal_code");
  addr.country = r.Country(r.StrIn(a, "country"), "address.country");
  out = addr;
}

void AddParty(PartyImport& out, Record& r, Party p) {
  if (p.id.empty()) return;
  if (out.graph.parties.count(p.id) != 0) {
    r.Error("id", "'" + p.id + "' appears twice in this file");
    return;
  }
  out.graph.parties.emplace(p.id, std::move(p));
}

// ---- jsonl (our own format) -------------------------------------------------------------------

void ImportJsonLine(PartyImport& out, Record& r, std::string_view source, const Tokenizer& tokenize) {
  const std::string type = r.Str("type", true);
  if (type == "party") {
    Party p;
    p.id = r.Str("id", true);
    p.line = r.line();
    p.source = std::string(source);
    const std::string kind = r.Str("kind", true);
    if (kind == "individual" || kind == "person") {
      p.kind = PartyKind::kIndividual;
    } else if (kind == "entity" || kind == "legal_entity" || kind == "company") {
      p.kind = PartyKind::kLegalEntity;
    } else if (!kind.empty()) {
      r.Error("kind", "want individual or entity, got '" + kind + "'");
    }
    p.name = r.Str("name", true);
    p.other_names = r.StrList("other_names");
    p.incorporation_country = r.Country(r.Str("incorporation_country"), "incorporation_country");
    p.headquarters_country = r.Country(r.Str("headquarters_country"), "headquarters_country");
    p.registration_number = r.Str("registration_number");
    for (const std::string& n : r.StrList("nationalities")) {
      std::string c = r.Country(n, "nationalities");
      if (!c.empty()) p.nationalities.push_back(c);
    }
    p.residence_country = r.Country(r.Str("residence_country"), "residence_country");
    p.us_citizen = r.Bool("us_citizen");
    p.us_permanent_resident = r.Bool("us_permanent_resident");
    p.date_of_birth = r.DateField(r.Str("date_of_birth"), "date_of_birth");
    ReadAddress(r, r.e(), "address", p.address);
    p.emails = r.StrList("emails");
    p.phones = r.StrList("phones");
    element arr;
    if (!r.e().get_object()["payments"].get(arr) && arr.is_array()) {
      for (element x : arr.get_array()) {
        PaymentInstrument pi;
        pi.type = r.StrIn(x, "type");
        pi.institution = r.StrIn(x, "institution");
        pi.institution_country = r.Country(r.StrIn(x, "institution_country"), "payments.institution_country");
        const std::string number = r.StrIn(x, "number");
        pi.token = r.StrIn(x, "token");  // already tokenised (the store's own documents)
        pi.last4 = r.StrIn(x, "last4");
        if (!number.empty()) {
          pi.token = tokenize(number);
          std::string digits;
          for (char c : number) {
            if (c >= '0' && c <= '9') digits.push_back(c);
          }
          pi.last4 = digits.size() >= 4 ? digits.substr(digits.size() - 4) : "";
        }
        p.payments.push_back(std::move(pi));
      }
    }
    if (!r.e().get_object()["access"].get(arr) && arr.is_array()) {
      for (element x : arr.get_array()) {
        AccessEvent ev;
        ev.ip = r.StrIn(x, "ip");
        ev.action = r.StrIn(x, "action");
        auto t = ParseTimestamp(r.StrIn(x, "at"));
        if (!t.ok()) {
          r.Error("access.at", t.status().message());
        } else {
          ev.at = *t;
        }
        p.access.push_back(std::move(ev));
      }
    }
    p.lists = r.StrList("lists");
    p.state_owned = r.Bool("state_owned").value_or(false);
    p.customer = r.Bool("customer").value_or(false);
    p.reseller = r.Bool("reseller").value_or(false);
    p.via_reseller = r.Str("via_reseller");
    p.accounts = r.StrList("accounts");
    AddParty(out, r, std::move(p));
  } else if (type == "ownership") {
    OwnershipEdge e;
    e.id = r.Str("id", true);
    e.owner = r.Str("owner", true);
    e.owned = r.Str("owned", true);
    e.percent = r.Percent(r.Number(r.e(), "percent"), "percent");
    e.control = r.Bool("control").value_or(false);
    e.start = r.DateField(r.Str("start"), "start");
    e.end = r.DateField(r.Str("end"), "end");
    e.source = r.Str("source");
    if (!e.percent && !e.control && !r.Has("percent")) {
      // Neither a stake nor control stated: an unknown stake, kept as such.
    }
    out.graph.ownership.push_back(std::move(e));
  } else if (type == "role") {
    RoleEdge e;
    e.id = r.Str("id", true);
    e.person = r.Str("person", true);
    e.entity = r.Str("entity", true);
    e.role = r.Str("role");
    out.graph.roles.push_back(std::move(e));
  } else if (!type.empty()) {
    r.Error("type", "want party, ownership or role, got '" + type + "'");
  }
}

// ---- FollowTheMoney ---------------------------------------------------------------------------

std::string First(const std::vector<std::string>& v) {
  return v.empty() ? "" : v.front();
}

void ImportFtm(PartyImport& out, Record& r, std::string_view source) {
  const std::string schema = r.Str("schema", true);
  const std::string id = r.Str("id", true);
  element props;
  if (r.e().get_object()["properties"].get(props) || !props.is_object()) {
    r.Error("properties", "required");
    return;
  }
  auto list = [&](std::string_view key) { return r.StrListIn(props, key); };
  if (schema == "Person" || schema == "Company" || schema == "Organization" || schema == "LegalEntity" ||
      schema == "PublicBody") {
    Party p;
    p.id = id;
    p.line = r.line();
    p.source = std::string(source);
    p.kind = schema == "Person" ? PartyKind::kIndividual : PartyKind::kLegalEntity;
    auto names = list("name");
    p.name = First(names);
    if (p.name.empty()) r.Error("properties.name", "required");
    for (std::size_t i = 1; i < names.size(); ++i) p.other_names.push_back(names[i]);
    for (const auto& a : list("alias")) p.other_names.push_back(a);
    for (const auto& a : list("weakAlias")) p.other_names.push_back(a);
    if (p.kind == PartyKind::kIndividual) {
      for (const auto& n : list("nationality")) {
        std::string c = r.Country(n, "properties.nationality");
        if (!c.empty()) p.nationalities.push_back(c);
      }
      p.residence_country = r.Country(First(list("country")), "properties.country");
      p.date_of_birth = r.DateField(First(list("birthDate")), "properties.birthDate");
    } else {
      p.incorporation_country = r.Country(First(list("jurisdiction")), "properties.jurisdiction");
      p.headquarters_country = r.Country(First(list("mainCountry")), "properties.mainCountry");
      const std::string country = r.Country(First(list("country")), "properties.country");
      if (!country.empty()) p.address = Address{"", "", "", "", country};
      p.registration_number = First(list("registrationNumber"));
    }
    p.emails = list("email");
    p.phones = list("phone");
    for (const auto& t : list("topics")) {
      if (t == "sanction") p.lists.push_back("SANCTION");
      if (t == "export.control") p.lists.push_back("EXPORT-CONTROL");
    }
    for (const auto& prog : list("program")) p.lists.push_back(prog);
    AddParty(out, r, std::move(p));
  } else if (schema == "Ownership") {
    OwnershipEdge e;
    e.id = id;
    e.owner = First(list("owner"));
    e.owned = First(list("asset"));
    if (e.owner.empty()) r.Error("properties.owner", "required");
    if (e.owned.empty()) r.Error("properties.asset", "required");
    const std::string pct = First(list("percentage"));
    if (!pct.empty()) {
      std::string cleaned(pct);
      std::erase(cleaned, '%');
      auto v = ParseDouble(cleaned);
      if (!v) {
        r.Error("properties.percentage", "not a number: '" + pct + "'");
      } else {
        e.percent = r.Percent(*v, "properties.percentage");
      }
    }
    e.start = r.DateField(First(list("startDate")), "properties.startDate");
    e.end = r.DateField(First(list("endDate")), "properties.endDate");
    e.source = "ftm";
    out.graph.ownership.push_back(std::move(e));
  } else if (schema == "Directorship") {
    RoleEdge e;
    e.id = id;
    e.person = First(list("director"));
    e.entity = First(list("organization"));
    e.role = First(list("role"));
    if (e.role.empty()) e.role = "director";
    if (e.person.empty()) r.Error("properties.director", "required");
    if (e.entity.empty()) r.Error("properties.organization", "required");
    out.graph.roles.push_back(std::move(e));
  } else {
    ++out.skipped;
  }
}

// ---- BODS 0.4 (and 0.3 references) ------------------------------------------------------------

std::string BodsRef(element rel, std::string_view key) {
  element v;
  if (rel.get_object()[key].get(v) || v.is_null()) return "";
  std::string_view s;
  if (!v.get_string().get(s)) return std::string(s);                                    // 0.4: a recordId
  for (const char* k : {"describedByEntityStatement", "describedByPersonStatement"}) {  // 0.3
    if (!v.get_object()[k].get_string().get(s)) return std::string(s);
  }
  return "";
}

void ImportBods(PartyImport& out, Record& r, std::string_view source) {
  // 0.4 keys records by recordId and nests details; 0.3 uses statementID and flat fields.
  std::string record_type = r.Str("recordType");
  element details = r.e();
  std::string id = r.Str("recordId");
  if (record_type.empty()) {
    const std::string st = r.Str("statementType");  // 0.3
    record_type = st == "entityStatement" ? "entity" : st == "personStatement" ? "person" : "relationship";
    id = r.Str("statementID", true);
  } else {
    element d;
    if (!r.e().get_object()["recordDetails"].get(d)) details = d;
    if (id.empty()) r.Error("recordId", "required");
  }
  if (record_type == "entity" || record_type == "person") {
    Party p;
    p.id = id;
    p.line = r.line();
    p.source = std::string(source);
    p.kind = record_type == "person" ? PartyKind::kIndividual : PartyKind::kLegalEntity;
    if (p.kind == PartyKind::kLegalEntity) {
      p.name = r.StrIn(details, "name", true);
      element j;
      if (!details.get_object()["jurisdiction"].get(j) && j.is_object()) {
        p.incorporation_country = r.Country(r.StrIn(j, "code"), "jurisdiction.code");
      }
    } else {
      element names;
      if (!details.get_object()["names"].get(names) && names.is_array()) {
        for (element n : names.get_array()) {
          std::string full = r.StrIn(n, "fullName");
          if (p.name.empty()) {
            p.name = full;
          } else if (!full.empty()) {
            p.other_names.push_back(full);
          }
        }
      }
      if (p.name.empty()) r.Error("names", "no fullName");
      element nats;
      if (!details.get_object()["nationalities"].get(nats) && nats.is_array()) {
        for (element n : nats.get_array()) {
          std::string c = r.Country(r.StrIn(n, "code"), "nationalities.code");
          if (!c.empty()) p.nationalities.push_back(c);
        }
      }
    }
    element addrs;
    if (!details.get_object()["addresses"].get(addrs) && addrs.is_array()) {
      for (element a : addrs.get_array()) {
        Address addr;
        addr.street = r.StrIn(a, "address");
        element c;
        if (!a.get_object()["country"].get(c)) {
          addr.country = r.Country(c.is_string() ? std::string(std::string_view(c.get_string())) : r.StrIn(c, "code"),
                                   "addresses.country");
        }
        const std::string type = r.StrIn(a, "type");
        if (!p.address || type == "registered" || type == "business") p.address = addr;
        if (type == "business" && p.kind == PartyKind::kLegalEntity) p.headquarters_country = addr.country;
        if (type == "residence" && p.kind == PartyKind::kIndividual) p.residence_country = addr.country;
      }
    }
    AddParty(out, r, std::move(p));
    return;
  }
  // relationship
  const std::string subject = BodsRef(details, "subject");
  const std::string owner = BodsRef(details, "interestedParty");
  if (subject.empty()) r.Error("subject", "required");
  if (owner.empty()) r.Error("interestedParty", "required (unknown owners are not modelled)");
  element interests;
  bool any = false;
  if (!details.get_object()["interests"].get(interests) && interests.is_array()) {
    int k = 0;
    for (element in : interests.get_array()) {
      ++k;
      const std::string type = r.StrIn(in, "type");
      OwnershipEdge e;
      e.id = id + "#" + std::to_string(k);
      e.owner = owner;
      e.owned = subject;
      e.source = "bods";
      e.start = r.DateField(r.StrIn(in, "startDate"), "interests.startDate");
      e.end = r.DateField(r.StrIn(in, "endDate"), "interests.endDate");
      element share;
      if (!in.get_object()["share"].get(share) && share.is_object()) {
        if (auto exact = r.Number(share, "exact")) {
          e.percent = r.Percent(exact, "interests.share.exact");
        } else {
          auto lo = r.Number(share, "minimum");
          auto hi = r.Number(share, "maximum");
          // A range is stored at its lower bound: the share is at least that much.
          if (lo) e.percent = r.Percent(lo, "interests.share.minimum");
          (void)hi;
        }
      }
      if (type == "shareholding" || type == "votingRights") {
        out.graph.ownership.push_back(std::move(e));
        any = true;
      } else if (type == "appointmentOfBoard" || type == "otherInfluenceOrControl" ||
                 type == "seniorManagingOfficial" || type == "controlViaCompanyRulesOrArticles" ||
                 type == "controlByLegalFramework" || type == "boardMember" || type == "boardChair" ||
                 type == "settlor" || type == "trustee") {
        e.percent.reset();
        e.control = true;
        out.graph.ownership.push_back(std::move(e));
        any = true;
      }
    }
  }
  if (!any) ++out.skipped;
}

// ---- CSV --------------------------------------------------------------------------------------

void ImportCsv(PartyImport& out, std::string_view text, std::string_view source, const CountryTable& countries) {
  auto table = CsvTable::Parse(text, source);
  if (!table.ok()) {
    out.errors.push_back(table.status().message());
    return;
  }
  auto country = [&](const CsvTable::Row& row, std::string_view col) -> std::string {
    std::string_view v = TrimAscii(row.Get(col));
    if (v.empty()) return "";
    const ckyc::Country* c = countries.Find(v);
    if (c == nullptr) {
      out.errors.push_back(row.Where(col) + ": " + countries.Resolve(v).status().message());
      return "";
    }
    return c->alpha2;
  };
  if (table->Column("owner") && table->Column("owned")) {
    for (std::size_t i = 0; i < table->size(); ++i) {
      auto row = table->row(i);
      ++out.records;
      OwnershipEdge e;
      e.id = std::string(TrimAscii(row.Get("id")));
      e.owner = std::string(TrimAscii(row.Get("owner")));
      e.owned = std::string(TrimAscii(row.Get("owned")));
      if (e.id.empty()) e.id = e.owner + "->" + e.owned;
      if (e.owner.empty() || e.owned.empty())
        out.errors.push_back(row.Where("owner") + ": owner and owned are required");
      auto pct = row.OptionalNonNegative("percent");
      if (!pct.ok()) {
        out.errors.push_back(pct.status().message());
      } else if (*pct && **pct > 100) {
        out.errors.push_back(row.Where("percent") + ": must be between 0 and 100");
      } else {
        e.percent = *pct;
      }
      const std::string control = AsciiLower(TrimAscii(row.Get("control")));
      e.control = control == "yes" || control == "true" || control == "1";
      e.source = std::string(TrimAscii(row.Get("source")));
      out.graph.ownership.push_back(std::move(e));
    }
    return;
  }
  if (!table->Column("id") || !table->Column("kind") || !table->Column("name")) {
    out.errors.push_back(std::string(source) +
                         ": a parties CSV needs id, kind and name columns; an ownership CSV "
                         "needs owner, owned and percent");
    return;
  }
  for (std::size_t i = 0; i < table->size(); ++i) {
    auto row = table->row(i);
    ++out.records;
    Party p;
    p.id = std::string(TrimAscii(row.Get("id")));
    p.line = row.line();
    p.source = std::string(source);
    const std::string kind = AsciiLower(TrimAscii(row.Get("kind")));
    p.kind = kind == "individual" || kind == "person" ? PartyKind::kIndividual : PartyKind::kLegalEntity;
    if (kind != "individual" && kind != "person" && kind != "entity" && kind != "legal_entity") {
      out.errors.push_back(row.Where("kind") + ": want individual or entity, got '" + kind + "'");
    }
    p.name = std::string(TrimAscii(row.Get("name")));
    if (p.id.empty() || p.name.empty()) out.errors.push_back(row.Where("id") + ": id and name are required");
    p.incorporation_country = country(row, "incorporation_country");
    p.headquarters_country = country(row, "headquarters_country");
    p.residence_country = country(row, "residence_country");
    const std::string nat = country(row, "nationality");
    if (!nat.empty()) p.nationalities.push_back(nat);
    const std::string addr_country = country(row, "address_country");
    if (!addr_country.empty() || !TrimAscii(row.Get("address_city")).empty()) {
      p.address = Address{std::string(TrimAscii(row.Get("address_street"))),
                          std::string(TrimAscii(row.Get("address_city"))), "", "", addr_country};
    }
    for (const char* col : {"email"}) {
      if (!TrimAscii(row.Get(col)).empty()) p.emails.emplace_back(TrimAscii(row.Get(col)));
    }
    if (!TrimAscii(row.Get("phone")).empty()) p.phones.emplace_back(TrimAscii(row.Get("phone")));
    for (const std::string& l : Split(row.Get("lists"), '|')) {
      if (!TrimAscii(l).empty()) p.lists.emplace_back(TrimAscii(l));
    }
    p.customer = AsciiLower(TrimAscii(row.Get("customer"))) == "yes";
    if (out.graph.parties.count(p.id) != 0) {
      out.errors.push_back(row.Where("id") + ": '" + p.id + "' appears twice in this file");
      continue;
    }
    out.graph.parties.emplace(p.id, std::move(p));
  }
}

}  // namespace

std::string_view PartyFormatName(PartyFormat f) {
  switch (f) {
    case PartyFormat::kJsonLines: return "jsonl";
    case PartyFormat::kCsv: return "csv";
    case PartyFormat::kFtm: return "ftm";
    case PartyFormat::kBods: return "bods";
  }
  return "?";
}

Result<PartyFormat> ParsePartyFormat(std::string_view name) {
  for (PartyFormat f : {PartyFormat::kJsonLines, PartyFormat::kCsv, PartyFormat::kFtm, PartyFormat::kBods}) {
    if (AsciiLower(name) == PartyFormatName(f)) return f;
  }
  return Status::InvalidArgument("--format '" + std::string(name) + "': want one of jsonl, csv, ftm, bods");
}

Result<PartyFormat> DetectPartyFormat(std::string_view text, std::string_view source) {
  std::string_view head = TrimAscii(text.substr(0, 4096));
  if (head.empty()) return Status::InvalidArgument(std::string(source) + ": empty file");
  if (head.front() == '[' || head.find("\"recordType\"") != std::string_view::npos ||
      head.find("\"statementType\"") != std::string_view::npos) {
    return PartyFormat::kBods;
  }
  if (head.front() == '{') {
    return head.find("\"schema\"") != std::string_view::npos ? PartyFormat::kFtm : PartyFormat::kJsonLines;
  }
  return PartyFormat::kCsv;
}

PartyImport ImportParties(std::string_view text, std::string_view source, PartyFormat format,
                          const CountryTable& countries, const Tokenizer& tokenize) {
  PartyImport out;
  if (format == PartyFormat::kCsv) {
    ImportCsv(out, text, source, countries);
    return out;
  }
  ForEachJson(text, source, out.errors, [&](std::size_t line, element e) {
    ++out.records;
    Record r(e, source, line, out.errors, countries);
    switch (format) {
      case PartyFormat::kJsonLines: ImportJsonLine(out, r, source, tokenize); break;
      case PartyFormat::kFtm: ImportFtm(out, r, source); break;
      case PartyFormat::kBods: ImportBods(out, r, source); break;
      case PartyFormat::kCsv: break;
    }
  });
  return out;
}

std::vector<std::string> DanglingReferences(const PartyGraph& graph) {
  std::vector<std::string> out;
  auto check = [&](const std::string& edge, const std::string& ref, const std::string& what) {
    if (graph.parties.count(ref) == 0) out.push_back(edge + ": " + what + " '" + ref + "' is not a known party");
  };
  for (const OwnershipEdge& e : graph.ownership) {
    check("ownership " + e.id, e.owner, "owner");
    check("ownership " + e.id, e.owned, "owned");
  }
  for (const RoleEdge& e : graph.roles) {
    check("role " + e.id, e.person, "person");
    check("role " + e.id, e.entity, "entity");
  }
  return out;
}

}  // namespace ckyc::parties
