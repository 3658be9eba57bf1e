#include <gtest/gtest.h>

#include <filesystem>

#include "app/parties.h"
#include "app/reference_data.h"

namespace ckyc::app {
namespace {

// Payment numbers must never reach the store in clear: only a keyed token and the last four digits.
TEST(PartiesAppTest, PaymentNumbersAreStoredAsTokensOnly) {
  auto data = LoadReferenceData();
  ASSERT_TRUE(data.ok()) << data.status().message();
  FakeClock clock{std::chrono::sys_days{std::chrono::year{2026} / 11 / 29}};
  auto store = store::NewMemoryStore(clock);
  const std::string key = (std::filesystem::temp_directory_path() / "ckyc-parties-app-test.key").string();
  std::filesystem::remove(key);
  const std::string line =
      R"({"type":"party","id":"c1","kind":"entity","name":"C1 Ltd","incorporation_country":"GB",)"
      R"("payments":[{"type":"card","institution":"Bank","institution_country":"GB","number":"4111 1111 1111 1234"}]})";
  auto s = ImportPartiesText(line + "\n", "inline.jsonl", parties::PartyFormat::kJsonLines, **data, *store, key);
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_TRUE(s->errors.empty()) << s->errors.front();
  auto docs = store->ListPartyDocs();
  ASSERT_TRUE(docs.ok());
  ASSERT_EQ(docs->size(), 1u);
  const std::string& doc = (*docs)[0].doc;
  EXPECT_EQ(doc.find("4111"), std::string::npos) << doc;
  EXPECT_NE(doc.find("\"last4\":\"1234\""), std::string::npos) << doc;
  EXPECT_NE(doc.find("\"token\":\"tok_"), std::string::npos) << doc;

  // The same number, written differently, gives the same token under the same key.
  auto again = ImportPartiesText(
      R"({"type":"party","id":"c2","kind":"entity","name":"C2 Ltd","payments":[{"type":"card","number":"4111-1111-1111-1234"}]})"
      "\n",
      "inline2.jsonl", parties::PartyFormat::kJsonLines, **data, *store, key);
  ASSERT_TRUE(again.ok());
  auto graph = LoadPartyGraph(*store, (*data)->countries);
  ASSERT_TRUE(graph.ok());
  EXPECT_EQ(graph->parties.at("c1").payments.at(0).token, graph->parties.at("c2").payments.at(0).token);
  std::filesystem::remove(key);
}

}  // namespace
}  // namespace ckyc::app
