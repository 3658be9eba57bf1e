#include "screening/lists.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/data_files.h"

namespace ckyc::screening {
namespace {

// Real list files (see shared/data/lists/PROVENANCE.md for where each comes from and its counts).
std::string ListPath(const std::string& rel) {
#ifdef CKYC_SHARED_DATA_DIR
  return std::string(CKYC_SHARED_DATA_DIR) + "/lists/" + rel;
#else
  return {};
#endif
}

bool Has(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}
bool HasId(const ListEntry& e, std::string_view type, std::string_view value) {
  return std::find(e.identifiers.begin(), e.identifiers.end(),
                   std::pair<std::string, std::string>(std::string(type), std::string(value))) != e.identifiers.end();
}
const ListEntry* FindId(const ListLoad& load, std::string_view id) {
  for (const auto& e : load.entries) {
    if (e.entry_id == id) return &e;
  }
  return nullptr;
}
bool AnyErrorContains(const ListLoad& load, std::string_view text) {
  return std::any_of(load.errors.begin(), load.errors.end(),
                     [&](const std::string& e) { return e.find(text) != std::string::npos; });
}

class ListsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = ReadDataFile("countries.csv");
    ASSERT_TRUE(c.ok()) << c.status().message();
    auto table = CountryTable::Load(c->text, c->source);
    ASSERT_TRUE(table.ok()) << table.status().message();
    countries_ = std::move(table).value();
  }
  // Reads a shared list file, or skips the test when the shared data is not checked out.
  std::string Read(const std::string& rel) {
    const std::string path = ListPath(rel);
    if (path.empty()) return {};
    auto text = ReadFile(path);
    if (!text.ok()) {
      missing_ = true;
      return {};
    }
    return std::move(text).value();
  }
  Result<ListLoad> Ofac(const std::string& dir, const std::string& prefix, const std::string& main,
                        const std::string& comments, std::string_view list) {
    texts_.clear();
    texts_.push_back(Read(dir + "/" + main));
    texts_.push_back(Read(dir + "/" + prefix + "add.csv"));
    texts_.push_back(Read(dir + "/" + prefix + "alt.csv"));
    texts_.push_back(Read(dir + "/" + comments));
    OfacFiles f{texts_[0], texts_[1], texts_[2], texts_[3], main, prefix + "add.csv", prefix + "alt.csv", comments};
    return LoadOfac(f, list, countries_);
  }
  bool missing_ = false;
  CountryTable countries_;
  std::vector<std::string> texts_;
};

#define SKIP_WITHOUT_SHARED_DATA()                                                    \
  do {                                                                                \
    if (ListPath("").empty() || missing_) GTEST_SKIP() << "shared/data/lists absent"; \
  } while (false)

// ---- OFAC ------------------------------------------------------------------------------------

TEST_F(ListsTest, Sdn2021CompleteSet) {
  auto r = Ofac("ofac_sdn_2021-07_complete", "", "sdn.csv", "sdn_comments.csv", "SDN");
  SKIP_WITHOUT_SHARED_DATA();
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, "sdn");
  EXPECT_EQ(r->rows, 8976u);
  EXPECT_EQ(r->entries.size(), 8976u);
  EXPECT_TRUE(r->errors.empty()) << r->errors.front();
  std::map<std::string, int> kinds;
  for (const auto& e : r->entries) ++kinds[e.kind];
  EXPECT_EQ(kinds["entity"], 3673);
  EXPECT_EQ(kinds["individual"], 4620);
  EXPECT_EQ(kinds["vessel"], 406);
  EXPECT_EQ(kinds["aircraft"], 277);

  // A Chinese entity with a USCC in its remarks, "A] [B" programs and addresses from add.csv.
  const ListEntry* yanbian = FindId(*r, "24977");
  ASSERT_NE(yanbian, nullptr);
  EXPECT_EQ(yanbian->list, "SDN");
  EXPECT_EQ(yanbian->kind, "entity");
  EXPECT_EQ(yanbian->name, "YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD.");
  EXPECT_TRUE(HasId(*yanbian, "USCC", "91222401MA0Y31E659"));
  EXPECT_EQ(yanbian->programs, (std::vector<std::string>{"DPRK3", "DPRK4"}));
  EXPECT_EQ(yanbian->countries, std::vector<std::string>{"CN"});
  EXPECT_EQ(yanbian->addresses.size(), 3u);
  EXPECT_TRUE(Has(yanbian->aliases, "SILVER STAR CHINA"));

  // An alias found only in remarks ("a.k.a. 'BNC'."), beside one from alt.csv.
  const ListEntry* bnc = FindId(*r, "306");
  ASSERT_NE(bnc, nullptr);
  EXPECT_TRUE(Has(bnc->aliases, "BNC"));
  EXPECT_TRUE(Has(bnc->aliases, "NATIONAL BANK OF CUBA"));
  EXPECT_EQ(bnc->countries, (std::vector<std::string>{"CH", "ES", "JP", "PA"}));

  // Remarks continued in sdn_comments.csv are appended mid-word: "…PROMO RAI" + "Z S.A.S.".
  const ListEntry* cifuentes = FindId(*r, "12300");
  ASSERT_NE(cifuentes, nullptr);
  EXPECT_NE(cifuentes->remarks.find("PROMO RAIZ S.A.S."), std::string::npos);
  EXPECT_TRUE(Has(cifuentes->dates_of_birth, "13 May 1965"));
  EXPECT_TRUE(HasId(*cifuentes, "Passport", "AL720622"));
  EXPECT_TRUE(HasId(*cifuentes, "Cedula No.", "7548733"));
}

TEST_F(ListsTest, Sdn2019CommentsFromALaterDateAreOrphans) {
  auto r = Ofac("ofac_sdn_2019-01_complete", "", "sdn.csv", "sdn_comments.csv", "SDN");
  SKIP_WITHOUT_SHARED_DATA();
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entries.size(), 7379u);
  // sdn_comments.csv is from 2023 (PROVENANCE §4): rows for entries listed after 2019 are errors
  // naming the file and line, and are skipped.
  EXPECT_EQ(r->errors.size(), 10u);
  EXPECT_TRUE(AnyErrorContains(*r, "sdn_comments.csv:4: field 'ent_num': 17018 is not in sdn.csv"));
}

TEST_F(ListsTest, Sdn2024MainFileAlone) {
  texts_ = {Read("ofac_sdn_2024-05-03/sdn.csv")};
  SKIP_WITHOUT_SHARED_DATA();
  auto r = LoadOfac(OfacFiles{texts_[0], "", "", "", "sdn.csv", "", "", ""}, "SDN", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entries.size(), 14965u);
  EXPECT_TRUE(r->errors.empty());
  std::size_t uscc = 0;
  for (const auto& e : r->entries) {
    for (const auto& id : e.identifiers) uscc += id.first == "USCC" ? 1u : 0u;
  }
  EXPECT_GT(uscc, 80u);  // 91 lines mention a USCC
}

TEST_F(ListsTest, ConsolidatedNonSdn) {
  auto r = Ofac("ofac_consolidated_nonsdn_2025-12", "cons_", "cons_prim.csv", "cons_comments.csv", "NONSDN");
  SKIP_WITHOUT_SHARED_DATA();
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, "cons");
  EXPECT_EQ(r->entries.size(), 442u);
  EXPECT_TRUE(r->errors.empty());
  std::size_t cmic = 0;
  for (const auto& e : r->entries) cmic += Has(e.programs, "CMIC-EO13959") ? 1u : 0u;
  EXPECT_EQ(cmic, 68u);
  const ListEntry* telecom = FindId(*r, "30882");
  ASSERT_NE(telecom, nullptr);
  EXPECT_EQ(telecom->list, "NONSDN");
  EXPECT_TRUE(HasId(*telecom, "USCC", "9111000071093019X7"));
  EXPECT_EQ(telecom->countries, std::vector<std::string>{"CN"});
}

TEST_F(ListsTest, OfacMalformedRows) {
  const std::string main =
      "10,\"GOOD CO\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"nationality Atlantis; DOB circa 1965.\"\r\n"
      "x1,\"BAD ID\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
      "12,\"SHORT\",-0- \r\n"
      "13,\"ODD TYPE\",\"robot\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a";
  const std::string add = "10,1,-0- ,\"Beijing\",\"China\",-0- \r\n99,2,-0- ,-0- ,\"Iran\",-0- \r\n\x1a";
  const std::string alt = "10,1,\"aka\",\"GOOD COMPANY\",-0- \r\n";
  auto r = LoadOfac(OfacFiles{main, add, alt, "", "sdn.csv", "add.csv", "alt.csv", "c.csv"}, "SDN", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows, 4u);
  ASSERT_EQ(r->entries.size(), 1u);
  const ListEntry& e = r->entries[0];
  EXPECT_EQ(e.kind, "entity");                             // "-0-" type
  EXPECT_EQ(e.countries, std::vector<std::string>{"CN"});  // "Atlantis" is unknown: no code invented
  EXPECT_EQ(e.dates_of_birth, std::vector<std::string>{"circa 1965"});
  EXPECT_EQ(e.aliases, std::vector<std::string>{"GOOD COMPANY"});
  EXPECT_EQ(e.addresses, std::vector<std::string>{"Beijing, China"});
  EXPECT_EQ(r->errors, (std::vector<std::string>{
                           "sdn.csv:2: field 'ent_num': not a number: 'x1'",
                           "sdn.csv:3: field 'ent_num': row has 3 fields, expected 12",
                           "sdn.csv:4: field 'SDN_Type': unknown type 'robot'",
                           "add.csv:2: field 'ent_num': 99 is not in sdn.csv",
                       }));
}

TEST_F(ListsTest, OfacNotTheFormat) {
  auto empty = LoadOfac(OfacFiles{"", "", "", "", "sdn.csv", "", "", ""}, "SDN", countries_);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(empty.status().message().find("sdn.csv"), std::string::npos);
  auto json = LoadOfac(OfacFiles{"{\"a\": 1}\n", "", "", "", "sdn.csv", "", "", ""}, "SDN", countries_);
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(json.status().message().rfind("sdn.csv", 0), 0u) << json.status().message();
}

// ---- CSL -------------------------------------------------------------------------------------

TEST_F(ListsTest, Csl2019Sample) {
  const std::string text = Read("csl_samples/csl_sample_2019-12.csv");
  SKIP_WITHOUT_SHARED_DATA();
  auto r = LoadCsl(text, "csl_sample_2019-12.csv", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entries.size(), 115u);
  EXPECT_TRUE(r->errors.empty());
  std::map<std::string, int> lists;
  for (const auto& e : r->entries) ++lists[e.list];
  EXPECT_EQ(lists, (std::map<std::string, int>{{"CSL:CAP", 1},
                                               {"CSL:DPL", 8},
                                               {"CSL:DTC", 10},
                                               {"CSL:EL", 22},
                                               {"CSL:ISN", 3},
                                               {"CSL:PLC", 13},
                                               {"CSL:SDN", 28},
                                               {"CSL:SSI", 26},
                                               {"CSL:UVL", 4}}));
  // A DPL row: no entity_number, so a stable hash; country from the address's trailing code.
  for (const auto& e : r->entries) {
    if (e.name == "ADRIAN MANUEL HERNANDEZ") {
      EXPECT_EQ(e.entry_id.size(), 16u);
      EXPECT_TRUE(e.countries.empty());  // "…, AZ, 85043": a state and a postal code, no country
    }
  }
}

TEST_F(ListsTest, Csl2025SampleWithIdColumn) {
  const std::string text = Read("csl_samples/csl_sample_2025.csv");
  SKIP_WITHOUT_SHARED_DATA();
  auto r = LoadCsl(text, "csl_sample_2025.csv", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entries.size(), 13u);
  const ListEntry* isn = FindId(*r, "233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b");
  ASSERT_NE(isn, nullptr);
  EXPECT_EQ(isn->list, "CSL:ISN");
  bool meu = false, fse = false;
  for (const auto& e : r->entries) {
    meu |= e.list == "CSL:MEU";
    fse |= e.list == "CSL:FSE";
    if (Has(e.addresses, "Tian Wang te Zi #1, Baqiao District, Xian, China, CN")) {
      EXPECT_TRUE(Has(e.countries, "CN"));
    }
  }
  EXPECT_TRUE(meu);
  EXPECT_TRUE(fse);
}

TEST_F(ListsTest, Csl2026Full) {
  const std::string text = Read("csl_2026-07-31/consolidated.csv");
  SKIP_WITHOUT_SHARED_DATA();
  auto r = LoadCsl(text, "consolidated.csv", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entries.size(), 25921u);
  EXPECT_TRUE(r->errors.empty());
  std::map<std::string, int> lists;
  for (const auto& e : r->entries) ++lists[e.list];
  EXPECT_EQ(lists["CSL:SDN"], 19181);
  EXPECT_EQ(lists["CSL:EL"], 3420);
  EXPECT_EQ(lists["CSL:DPL"], 1596);
  EXPECT_EQ(lists["CSL:MEU"], 70);
  EXPECT_EQ(lists["CSL:CMIC"], 68);
  EXPECT_EQ(lists["CSL:NS-MBS"], 51);
  const ListEntry* telecom = FindId(*r, "30882");
  ASSERT_NE(telecom, nullptr);
  EXPECT_EQ(telecom->list, "CSL:CMIC");
  EXPECT_EQ(telecom->countries, std::vector<std::string>{"CN"});  // `addresses` holds the bare code
  EXPECT_TRUE(telecom->addresses.empty());
  EXPECT_TRUE(Has(telecom->aliases, "CHINA TELECOM CO., LTD"));
}

TEST_F(ListsTest, CslMalformed) {
  const std::string text =
      "_id,source,entity_number,type,programs,name,addresses,alt_names,citizenships,nationalities,ids\n"
      "a1,Entity List (EL) - Bureau of Industry and Security,,Entity,,ACME LTD,\"1 Road, Shenzhen, China, CN; HK\","
      "ACME; ACME HK,,,\n"
      "a2,Entity List (EL) - Bureau of Industry and Security,,Entity,,,,,,,\n"
      "a3,,,Entity,,NO SOURCE,,,,,\n"
      "a4,Unverified List (UVL) - Bureau of Industry and Security,,Robot,,R2,,,,,\n"
      "a5,Specially Designated Nationals (SDN) - Treasury Department,123,Individual,,X,,,Atlantis,KP,"
      "\"Passport, 836238033, KP; Gender, Male\"\n";
  auto r = LoadCsl(text, "t.csv", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entries.size(), 2u);
  EXPECT_EQ(r->entries[0].entry_id, "a1");
  EXPECT_EQ(r->entries[0].list, "CSL:EL");
  EXPECT_EQ(r->entries[0].countries, (std::vector<std::string>{"CN", "HK"}));
  EXPECT_EQ(r->entries[0].aliases, (std::vector<std::string>{"ACME", "ACME HK"}));
  EXPECT_EQ(r->entries[1].entry_id, "123");
  EXPECT_EQ(r->entries[1].countries, std::vector<std::string>{"KP"});
  EXPECT_EQ(r->entries[1].identifiers, (std::vector<std::pair<std::string, std::string>>{{"Passport", "836238033"}}));
  EXPECT_EQ(r->errors, (std::vector<std::string>{"t.csv:3: field 'name': empty", "t.csv:4: field 'source': empty",
                                                 "t.csv:5: field 'type': unknown type 'robot'"}));
  auto bad = LoadCsl("Name,Country\nX,CN\n", "el.csv", countries_);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message().rfind("el.csv", 0), 0u) << bad.status().message();
}

// ---- DPL -------------------------------------------------------------------------------------

TEST_F(ListsTest, Dpl2022WithTypoYears) {
  const std::string text = Read("bis_dpl/dpl_2022-09.txt");
  SKIP_WITHOUT_SHARED_DATA();
  auto r = LoadDpl(text, "dpl_2022-09.txt", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows, 581u);
  EXPECT_EQ(r->entries.size(), 581u);  // rows with bad dates are kept (they have names)
  EXPECT_TRUE(AnyErrorContains(*r, "dpl_2022-09.txt:343: field 'Last_Update': implausible year in '3017-08-22'"));
  EXPECT_EQ(r->errors.size(), 3u);  // 3017-08-22, 2922-09-01 and 0222-05-18
  // The four AIR FREIGHT LTD rows share name and effective date but differ by address: four ids.
  std::vector<std::string> ids;
  for (const auto& e : r->entries) {
    if (e.name == "AIR FREIGHT LTD") ids.push_back(e.entry_id);
  }
  ASSERT_EQ(ids.size(), 4u);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end());
}

TEST_F(ListsTest, Dpl2019) {
  const std::string text = Read("bis_dpl/dpl_2019-07.txt");
  SKIP_WITHOUT_SHARED_DATA();
  auto r = LoadDpl(text, "dpl_2019-07.txt", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->entries.size(), 546u);
  EXPECT_EQ(r->errors, std::vector<std::string>{
                           "dpl_2019-07.txt:326: field 'Last_Update': implausible year in '3017-08-22'; row kept"});
}

TEST_F(ListsTest, DplMalformed) {
  const std::string header =
      "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t"
      "\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\r\n";
  const std::string text =
      header +
      "\"A CO\"\t\"1 RD\"\t\"BEIJING\"\t\"\"\t\"CN\"\t\"\"\t\"13/45/2020\"\t\"\"\t\"Y\"\t\"2020-01-01\"\t\"\"\t\"\"\r\n"
      "\"\"\t\"1 RD\"\t\"BEIJING\"\t\"\"\t\"CN\"\t\"\"\t\"01/01/2020\"\t\"\"\t\"Y\"\t\"2020-01-01\"\t\"\"\t\"\"\r\n"
      "\"SHORT\"\t\"x\"\r\n";
  auto r = LoadDpl(text, "d.txt", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entries.size(), 1u);
  EXPECT_EQ(r->entries[0].countries, std::vector<std::string>{"CN"});
  ASSERT_EQ(r->errors.size(), 3u);
  EXPECT_EQ(r->errors[0].rfind("d.txt:2: field 'Effective_Date': ", 0), 0u) << r->errors[0];
  EXPECT_EQ(r->errors[1], "d.txt:3: field 'Name': empty");
  EXPECT_EQ(r->errors[2], "d.txt:4: field 'Name': row has 2 fields, expected 12");
  auto bad = LoadDpl("name,country\nx,y\n", "d.txt", countries_);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().rfind("d.txt", 0), 0u);
}

// ---- UN --------------------------------------------------------------------------------------

TEST_F(ListsTest, UnConsolidated) {
  const std::string text = Read("un_consolidated_2026-02/UN_consolidated.xml");
  SKIP_WITHOUT_SHARED_DATA();
  auto r = LoadUn(text, "UN_consolidated.xml", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->published, "2026-02-27");
  EXPECT_TRUE(r->errors.empty());
  std::map<std::string, int> kinds;
  for (const auto& e : r->entries) ++kinds[e.kind];
  EXPECT_EQ(kinds["individual"], 730);
  EXPECT_EQ(kinds["entity"], 273);
  // A Han-script alias from NAME_ORIGINAL_SCRIPT; the reference number is published with a
  // trailing space ("KPe.055 ") and is trimmed.
  const ListEntry* chang_an = FindId(*r, "KPe.055");
  ASSERT_NE(chang_an, nullptr);
  EXPECT_EQ(chang_an->name, "CHANG AN SHIPPING & TECHNOLOGY");
  EXPECT_TRUE(Has(chang_an->aliases, "長安海連技術有限公司"));
  EXPECT_TRUE(Has(chang_an->countries, "CN"));
  const ListEntry* badege = FindId(*r, "CDi.001");
  ASSERT_NE(badege, nullptr);
  EXPECT_EQ(badege->name, "ERIC BADEGE");
  EXPECT_EQ(badege->dates_of_birth, std::vector<std::string>{"1971"});
  EXPECT_EQ(badege->countries, (std::vector<std::string>{"CD", "RW"}));
}

TEST_F(ListsTest, UnMalformedAndHostile) {
  auto notxml = LoadUn("source,name\n", "un.xml", countries_);
  ASSERT_FALSE(notxml.ok());
  EXPECT_EQ(notxml.status().message().rfind("un.xml", 0), 0u);
  auto other = LoadUn("<?xml version=\"1.0\"?><feed/>", "un.xml", countries_);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.status().message().find("CONSOLIDATED_LIST"), std::string::npos);
  // An external entity is never resolved: the name stays empty rather than holding /etc/hostname.
  const std::string xxe =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
      "<CONSOLIDATED_LIST><INDIVIDUALS>\n"
      "<INDIVIDUAL><FIRST_NAME>&x;</FIRST_NAME><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL>\n"
      "<INDIVIDUAL><FIRST_NAME>NO REF</FIRST_NAME></INDIVIDUAL>\n"
      "</INDIVIDUALS></CONSOLIDATED_LIST>\n";
  auto r = LoadUn(xxe, "un.xml", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->entries.empty());
  EXPECT_EQ(r->errors, (std::vector<std::string>{"un.xml:4: field 'FIRST_NAME': no name in QDi.1",
                                                 "un.xml:5: field 'REFERENCE_NUMBER': missing"}));
}

// ---- FollowTheMoney --------------------------------------------------------------------------

TEST_F(ListsTest, FtmFixture) {
  auto text = ReadFile(std::string(CKYC_SOURCE_DIR) + "/tests/data/lists/opensanctions_sample.ftm.jsonl");
  ASSERT_TRUE(text.ok()) << text.status().message();
  auto r = LoadFtm(*text, "sample.ftm.jsonl", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows, 8u);
  EXPECT_EQ(r->entries.size(), 7u);  // the Sanction is skipped
  EXPECT_TRUE(r->errors.empty());
  const ListEntry* yanbian = FindId(*r, "NK-2Xs4cdL6c8ESWkkHwcVp4c");
  ASSERT_NE(yanbian, nullptr);
  EXPECT_EQ(yanbian->list, "FTM");
  EXPECT_EQ(yanbian->kind, "entity");
  EXPECT_EQ(yanbian->countries, std::vector<std::string>{"CN"});
  EXPECT_TRUE(Has(yanbian->aliases, "Silver Star China"));
  EXPECT_TRUE(HasId(*yanbian, "Registration Number", "91222401MA0Y31E659"));
  const ListEntry* vessel = FindId(*r, "NK-3yWk8mJqB5xkS9eT7d2xvU");
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->kind, "vessel");
  EXPECT_TRUE(HasId(*vessel, "IMO", "8314594"));
  EXPECT_TRUE(Has(vessel->aliases, "HUA FU 1"));
  const ListEntry* person = FindId(*r, "NK-8QpL2cVZ3nTsY4rA6kGh1W");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->kind, "individual");
  EXPECT_TRUE(Has(person->aliases, "Mohamad Nouman ALA AL DIN"));  // a second `name`
  EXPECT_EQ(person->countries, std::vector<std::string>{"PS"});
  const ListEntry* kkbc = FindId(*r, "NK-5fJk2LmN8pQr4sTv6wXy9Z");
  ASSERT_NE(kkbc, nullptr);
  EXPECT_EQ(kkbc->countries, std::vector<std::string>{"KP"});  // "suhh" is not ISO: dropped
  const ListEntry* plane = FindId(*r, "NK-4aBcD9eFgH2iJkL3mNoP5q");
  ASSERT_NE(plane, nullptr);
  EXPECT_EQ(plane->kind, "aircraft");
}

TEST_F(ListsTest, FtmMalformed) {
  const std::string text =
      "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"],\"country\":[\"zz\"]}}\n"
      "not json\n"
      "{\"id\":\"b\",\"schema\":\"Person\",\"properties\":{\"alias\":[\"B\"]}}\n"
      "{\"schema\":\"Company\",\"properties\":{\"name\":[\"C\"]}}\n"
      "{\"id\":\"d\",\"schema\":\"Company\",\"properties\":{\"name\":\"D\"}}\n";
  auto r = LoadFtm(text, "f.jsonl", countries_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->entries.size(), 1u);
  EXPECT_TRUE(r->entries[0].countries.empty());
  EXPECT_EQ(r->errors, (std::vector<std::string>{
                           "f.jsonl:2: not a JSON object",
                           "f.jsonl:3: field 'properties.name': missing or empty",
                           "f.jsonl:4: field 'id': missing or not a string",
                           "f.jsonl:5: field 'properties.name': must be a list of strings",
                           "f.jsonl:5: field 'properties.name': missing or empty",
                       }));
  auto bad = LoadFtm("a,b\n1,2\n", "f.csv", countries_);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message().rfind("f.csv", 0), 0u);
}

}  // namespace
}  // namespace ckyc::screening
