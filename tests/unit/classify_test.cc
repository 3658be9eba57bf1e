#include "chips/classify.h"

#include <gtest/gtest.h>

namespace ckyc::chips {
namespace {

ChipSpec Spec(Precision p, double tops, std::optional<double> area, std::optional<bool> dc = true) {
  ChipSpec s;
  s.set_tops(p, tops);
  s.die_area_mm2 = area;
  s.datacenter = dc;
  return s;
}

EccnClass ClassOf(const ChipSpec& s) {
  auto c = Classify(s, Thresholds3A090::Current());
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? c->eccn_class : EccnClass::kNot3A090;
}

TEST(ClassifyTest, TppIsMaxOfTopsTimesBitLengthWithTies) {
  ChipSpec s;
  s.set_tops(Precision::kFp16, 312);
  s.set_tops(Precision::kInt8, 624);
  s.set_tops(Precision::kTf32, 156);
  s.set_tops(Precision::kFp64, 19.5);
  auto c = Classify(s, Thresholds3A090::Current());
  ASSERT_TRUE(c.ok());
  EXPECT_DOUBLE_EQ(c->tpp, 4992);
  EXPECT_EQ(c->TppBasisName(), "fp16=int8");
}

TEST(ClassifyTest, BitLengthsFollowTheDocumentedConvention) {
  EXPECT_EQ(BitLength(Precision::kTf32), 19);
  EXPECT_EQ(BitLength(Precision::kFp6), 6);
  EXPECT_EQ(BitLength(Precision::kFp4), 4);
  EXPECT_EQ(BitLength(Precision::kInt4), 4);
  EXPECT_EQ(BitLength(Precision::kFp64), 64);
}

// Exact boundaries: each threshold is ">=" and its upper bound "<", as 3A090 reads.
TEST(ClassifyTest, A1BoundaryIsInclusive) {
  EXPECT_EQ(ClassOf(Spec(Precision::kInt8, 600, std::nullopt)), EccnClass::kA1);  // 4800
  EXPECT_NE(ClassOf(Spec(Precision::kInt8, 599.99, 10000)), EccnClass::kA1);
}

TEST(ClassifyTest, A2NeedsTpp1600AndPd592) {
  EXPECT_EQ(ClassOf(Spec(Precision::kInt8, 200, 1600.0 / 5.92)), EccnClass::kA2);  // TPP 1600, PD 5.92
  EXPECT_EQ(ClassOf(Spec(Precision::kInt8, 370, 500)), EccnClass::kA2);            // 2960/500 = 5.92
  EXPECT_EQ(ClassOf(Spec(Precision::kInt8, 369.9, 500)), EccnClass::kB1);          // PD 5.9184
  EXPECT_EQ(ClassOf(Spec(Precision::kInt8, 199.99, 100)), EccnClass::kNot3A090);   // TPP < 1600
}

TEST(ClassifyTest, B1AndB2Bands) {
  // TPP 2400, PD 1.6 exactly → b.1 (b.2 needs PD ≥ 3.2).
  EXPECT_EQ(ClassOf(Spec(Precision::kInt8, 300, 1500)), EccnClass::kB1);
  // TPP 2400, PD just under 1.6 → nothing.
  EXPECT_EQ(ClassOf(Spec(Precision::kInt8, 300, 1500.1)), EccnClass::kNot3A090);
  // TPP 1600, PD 3.2 exactly → b.2.
  EXPECT_EQ(ClassOf(Spec(Precision::kInt8, 200, 500)), EccnClass::kB2);
  // TPP 2399.9 with PD 3.0 → neither (b.1 needs 2400, b.2 needs PD 3.2).
  EXPECT_EQ(ClassOf(Spec(Precision::kFp16, 149.99375, 799.9667)), EccnClass::kNot3A090);
}

TEST(ClassifyTest, BothBParagraphsMetReportsB1AndAlsoB2) {
  auto c = Classify(Spec(Precision::kFp8, 362.05, 608.5), Thresholds3A090::Current());  // L40
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->eccn_class, EccnClass::kB1);
  ASSERT_EQ(c->also_meets.size(), 1u);
  EXPECT_EQ(c->also_meets[0], EccnClass::kB2);
  EXPECT_TRUE(c->nac_eligible);  // 3A090.b designed for datacenters
}

TEST(ClassifyTest, Note2ExcludesConsumerPartsBelow4800Only) {
  auto below = Classify(Spec(Precision::kFp8, 588.3, 608.5, false), Thresholds3A090::Current());  // 4090D
  ASSERT_TRUE(below.ok());
  EXPECT_EQ(below->eccn_class, EccnClass::kNot3A090);
  bool note2_decisive = false;
  for (const auto& r : below->reasons) note2_decisive |= r.rule == "Note 2 to 3A090" && r.decisive && r.met;
  EXPECT_TRUE(note2_decisive);

  auto at = Classify(Spec(Precision::kInt8, 600, 608.5, false), Thresholds3A090::Current());
  ASSERT_TRUE(at.ok());
  EXPECT_EQ(at->eccn_class, EccnClass::kA1);
  EXPECT_TRUE(at->nac_eligible);  // 3A090.a, not for datacenters
}

TEST(ClassifyTest, UnknownDieAreaFailsClosedAndIsFlagged) {
  auto c = Classify(Spec(Precision::kFp16, 150, std::nullopt), Thresholds3A090::Current());  // TPP 2400
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->eccn_class, EccnClass::kA2);
  EXPECT_TRUE(c->pd_assumed);
  EXPECT_TRUE(c->HasFlag("pd-unknown"));
  // Above 4800 PD does not matter, so nothing is assumed.
  auto big = Classify(Spec(Precision::kFp16, 1000, std::nullopt), Thresholds3A090::Current());
  EXPECT_FALSE(big->pd_assumed);
}

TEST(ClassifyTest, DatacenterDefaultsToTheStricterReading) {
  auto c = Classify(Spec(Precision::kFp8, 588.3, 608.5, std::nullopt), Thresholds3A090::Current());
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->datacenter_assumed);
  EXPECT_EQ(c->eccn_class, EccnClass::kA2);
}

TEST(ClassifyTest, NearThresholdAndChinaBand) {
  ChipSpec s = Spec(Precision::kFp8, 588.3, 608.5, false);  // TPP 4706.4: within 5 % of 4800
  auto c = Classify(s, Thresholds3A090::Current());
  EXPECT_TRUE(c->HasFlag("near-threshold"));

  ChipSpec h200 = Spec(Precision::kFp8, 1978.9, 814);
  h200.memory_bw_gbs = 4800;
  auto in = Classify(h200, Thresholds3A090::Current());
  EXPECT_EQ(in->china_case_by_case_band, true);
  h200.memory_bw_gbs = 8000;
  auto out = Classify(h200, Thresholds3A090::Current());
  EXPECT_EQ(out->china_case_by_case_band, false);
  h200.memory_bw_gbs.reset();
  auto unknown = Classify(h200, Thresholds3A090::Current());
  EXPECT_FALSE(unknown->china_case_by_case_band.has_value());
  EXPECT_TRUE(unknown->HasFlag("band-unknown"));
}

TEST(ClassifyTest, ThresholdsAreParameters) {
  Thresholds3A090 t = Thresholds3A090::Current();
  t.a1_tpp = 10000;
  t.note2_tpp = 10000;
  auto c = Classify(Spec(Precision::kInt8, 600, 10000), t);  // TPP 4800, PD 0.48
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->eccn_class, EccnClass::kNot3A090);
}

TEST(ClassifyTest, RejectsEmptyAndBadSpecs) {
  EXPECT_FALSE(Classify(ChipSpec{}, Thresholds3A090::Current()).ok());
  EXPECT_FALSE(Classify(Spec(Precision::kFp8, 100, 0.0), Thresholds3A090::Current()).ok());
  EXPECT_FALSE(Classify(Spec(Precision::kFp8, -1, 10.0), Thresholds3A090::Current()).ok());
}

TEST(ParseTopsTest, MessagesNameFlagAndValue) {
  ChipSpec s;
  EXPECT_TRUE(ParseTopsArgument("FP8=1978.9", s).ok());
  EXPECT_EQ(s.tops(Precision::kFp8), 1978.9);
  EXPECT_EQ(ParseTopsArgument("fp8", s).message(), "--tops 'fp8': expected PREC=VALUE, e.g. fp8=1978.9");
  EXPECT_EQ(ParseTopsArgument("fp7=3", s).message(),
            "--tops 'fp7=3': unknown precision 'fp7' (one of fp64 fp32 tf32 bf16 fp16 fp8 fp6 fp4 int8 int4)");
  EXPECT_EQ(ParseTopsArgument("fp16=abc", s).message(),
            "--tops 'fp16=abc': value 'abc' is not a non-negative number of dense TOPS");
  EXPECT_EQ(ParseTopsArgument("fp8=1", s).message(), "--tops 'fp8=1': fp8 given twice");
}

TEST(VendorEccnTest, Levels) {
  EXPECT_EQ(VendorEccnLevel("4A090.A"), "a");
  EXPECT_EQ(VendorEccnLevel("4A090.b"), "b");
  EXPECT_EQ(VendorEccnLevel("5A992.Z"), "controlled");
  EXPECT_EQ(VendorEccnLevel("4A003.Z.1"), "controlled");
  EXPECT_EQ(VendorEccnLevel("4A994.L"), "none");
  EXPECT_EQ(VendorEccnLevel("EAR99"), "none");
  EXPECT_EQ(VendorEccnLevel(""), "");
}

}  // namespace
}  // namespace ckyc::chips
