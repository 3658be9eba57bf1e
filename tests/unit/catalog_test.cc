#include "chips/catalog.h"

#include <gtest/gtest.h>

#include "chips/part_report.h"
#include "core/data_files.h"

namespace ckyc::chips {
namespace {

const std::string kHeader =
    "id,vendor,model,aliases,datacenter,fp64,fp32,tf32,bf16,fp16,fp8,fp6,fp4,int8,int4,dies,die_area_mm2,"
    "memory_gb,memory_bw_gbs,interconnect_gbs,vendor_tpp,vendor_eccn,source,notes\n";

std::string Row(const std::string& id, const std::string& model, const std::string& aliases,
                const std::string& dc = "yes", const std::string& fp8 = "100", const std::string& eccn = "") {
  return id + ",V," + model + "," + aliases + "," + dc + ",,,,,," + fp8 + ",,,,,1,100,,,,," + eccn +
         ",https://example.com,\n";
}

TEST(CatalogTest, FindsByIdModelVendorModelAndAliasIgnoringCase) {
  auto cat = AcceleratorCatalog::Load(kHeader + Row("v-x1", "X1 SXM", "V X1 80GB HBM3|x1"), "a.csv");
  ASSERT_TRUE(cat.ok()) << cat.status().message();
  for (const char* name : {"v-x1", "x1 sxm", "V X1 SXM", "v x1 80gb hbm3", "X1", "V-X1-80GB-HBM3"}) {
    EXPECT_NE(cat->Find(name), nullptr) << name;
  }
  auto miss = cat->Resolve("X2");
  ASSERT_FALSE(miss.ok());
  EXPECT_EQ(miss.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(miss.status().message(), "unknown accelerator 'X2' (did you mean 'x1', 'v-x1'?)")
      << miss.status().message();
}

TEST(CatalogTest, AliasUsedTwiceNamesTheOtherLine) {
  auto cat = AcceleratorCatalog::Load(kHeader + Row("a", "A", "shared") + Row("b", "B", "Shared"), "a.csv");
  ASSERT_FALSE(cat.ok());
  EXPECT_EQ(cat.status().message(), "a.csv:3: field 'aliases': name 'Shared' is already used by line 2");
}

TEST(CatalogTest, BadFieldsAreNamed) {
  EXPECT_EQ(AcceleratorCatalog::Load(kHeader + Row("a", "A", "", "maybe"), "a.csv").status().message(),
            "a.csv:2: field 'datacenter': want yes or no, got 'maybe'");
  EXPECT_EQ(AcceleratorCatalog::Load(kHeader + Row("a", "A", "", "yes", "fast"), "a.csv").status().message(),
            "a.csv:2: field 'fp8': not a number: 'fast'");
  EXPECT_EQ(AcceleratorCatalog::Load(kHeader + Row("a", "A", "", "yes", ""), "a.csv").status().message(),
            "a.csv:2: field 'fp16': no throughput in any precision");
  EXPECT_EQ(AcceleratorCatalog::Load("id,vendor\n", "a.csv").status().message(),
            "a.csv: missing header column 'model'");
}

TEST(CatalogTest, VendorDisagreementIsFlagged) {
  // TPP 800 is not 3A090, but the vendor says 4A090.a.
  auto cat = AcceleratorCatalog::Load(kHeader + Row("a", "A", "", "yes", "100", "4A090.a"), "a.csv");
  ASSERT_TRUE(cat.ok());
  auto p = ClassifyPart(cat->all()[0], Thresholds3A090::Current());
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->vendor_disagrees);
  EXPECT_TRUE(p->computed.HasFlag("vendor-disagrees"));
}

TEST(CatalogTest, InstanceTypesResolveAgainstTheCatalog) {
  auto cat = AcceleratorCatalog::Load(kHeader + Row("v-x1", "X1", ""), "a.csv");
  ASSERT_TRUE(cat.ok());
  const std::string ih = "provider,instance_type,accelerator,count,interconnect,network_gbps,source,notes\n";
  auto ok = InstanceCatalog::Load(ih + "P,big.8x,v-x1,8,NVLink,3200,https://e,\n", "i.csv", *cat);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->Find("BIG.8X")->count, 8);
  EXPECT_EQ(ok->Find("p big.8x")->accelerator->id, "v-x1");
  auto bad = InstanceCatalog::Load(ih + "P,big.8x,v-x9,8,NVLink,,https://e,\n", "i.csv", *cat);
  EXPECT_EQ(bad.status().message().rfind("i.csv:2: field 'accelerator': unknown accelerator 'v-x9'", 0), 0u)
      << bad.status().message();
  auto zero = InstanceCatalog::Load(ih + "P,big.8x,v-x1,0,NVLink,,https://e,\n", "i.csv", *cat);
  EXPECT_EQ(zero.status().message(), "i.csv:2: field 'count': want a whole number >= 1");
}

// Every shipped row loads, and every part classifies.
TEST(ShippedCatalogTest, LoadsAndClassifiesEveryPart) {
  auto acc = ReadDataFile("accelerators.csv");
  ASSERT_TRUE(acc.ok());
  auto cat = AcceleratorCatalog::Load(acc->text, acc->source);
  ASSERT_TRUE(cat.ok()) << cat.status().message();
  EXPECT_GE(cat->all().size(), 39u);
  for (const Accelerator& a : cat->all()) {
    EXPECT_FALSE(a.source.empty()) << a.id;
    auto p = ClassifyPart(a, Thresholds3A090::Current());
    EXPECT_TRUE(p.ok()) << a.id;
  }
  auto inst = ReadDataFile("instance_types.csv");
  ASSERT_TRUE(inst.ok());
  auto types = InstanceCatalog::Load(inst->text, inst->source, *cat);
  ASSERT_TRUE(types.ok()) << types.status().message();
  EXPECT_GE(types->all().size(), 66u);
}

}  // namespace
}  // namespace ckyc::chips
