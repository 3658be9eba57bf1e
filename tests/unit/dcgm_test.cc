#include "metering/dcgm.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace ckyc::metering {
namespace {

// What dcgm-exporter 3.x serves on :9400/metrics for two H100s in Kubernetes mode (COMPUTE.md §4.3),
// with a metric this reader does not know (GPU_TEMP) in between.
constexpr std::string_view kExposition =
    "# HELP DCGM_FI_PROF_PIPE_TENSOR_ACTIVE Ratio of cycles the tensor (HMMA) pipe is active.\n"  // 1
    "# TYPE DCGM_FI_PROF_PIPE_TENSOR_ACTIVE gauge\n"                                              // 2
    "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE{gpu=\"0\",UUID=\"GPU-a8affe7e-0b4c-4f5d-9a1e-2b3c4d5e6f70\","
    "pci_bus_id=\"00000000:0D:00.0\",device=\"nvidia0\",modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"node-a\","
    "DCGM_FI_DRIVER_VERSION=\"580.126.09\",container=\"trainer\",namespace=\"team-x\",pod=\"job-123-worker-0\"} "
    "0.547\n"  // 3
    "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE{gpu=\"1\",UUID=\"GPU-5c1b2e3d-7f80-4a9b-8c7d-6e5f4a3b2c1d\","
    "pci_bus_id=\"00000000:1D:00.0\",device=\"nvidia1\",modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"node-a\","
    "DCGM_FI_DRIVER_VERSION=\"580.126.09\",container=\"\",namespace=\"\",pod=\"\"} 0\n"           // 4
    "# HELP DCGM_FI_DEV_GPU_TEMP GPU temperature (in C).\n"                                       // 5
    "# TYPE DCGM_FI_DEV_GPU_TEMP gauge\n"                                                         // 6
    "DCGM_FI_DEV_GPU_TEMP{gpu=\"0\",UUID=\"GPU-a8affe7e-0b4c-4f5d-9a1e-2b3c4d5e6f70\"} 41\n"      // 7
    "\n"                                                                                          // 8
    "# HELP DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION Total energy consumption since boot (in mJ).\n"  // 9
    "# TYPE DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION counter\n"                                       // 10
    "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"0\",UUID=\"GPU-a8affe7e-0b4c-4f5d-9a1e-2b3c4d5e6f70\","
    "modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"node-a\"} 31035686671\n";  // 11

TEST(DcgmTest, ReadsARealisticExposition) {
  DcgmParseResult r = ParseDcgmExposition(kExposition, "metrics.prom");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.skipped_unknown_metric, 1u);
  EXPECT_EQ(r.dropped_blank, 0u);
  ASSERT_EQ(r.samples.size(), 3u);

  const DcgmSample& t0 = r.samples[0];
  EXPECT_EQ(t0.field, DcgmField::kPipeTensorActive);
  EXPECT_DOUBLE_EQ(t0.value, 0.547);
  EXPECT_FALSE(t0.timestamp_ms.has_value());
  EXPECT_EQ(t0.uuid, "GPU-a8affe7e-0b4c-4f5d-9a1e-2b3c4d5e6f70");
  EXPECT_EQ(t0.gpu, "0");
  EXPECT_EQ(t0.model_name, "NVIDIA H100 80GB HBM3");
  EXPECT_EQ(t0.hostname, "node-a");
  EXPECT_EQ(t0.pod, "job-123-worker-0");
  EXPECT_EQ(t0.namespace_, "team-x");
  EXPECT_EQ(t0.container, "trainer");
  EXPECT_EQ(t0.gpu_instance_id, "");
  EXPECT_EQ(t0.line, 3u);

  const DcgmSample& t1 = r.samples[1];
  EXPECT_EQ(t1.gpu, "1");
  EXPECT_EQ(t1.value, 0.0);  // a real zero is kept
  EXPECT_EQ(t1.pod, "");
  EXPECT_EQ(t1.line, 4u);

  const DcgmSample& e0 = r.samples[2];
  EXPECT_EQ(e0.field, DcgmField::kTotalEnergy);
  EXPECT_EQ(e0.value, 31035686671.0);
  EXPECT_EQ(e0.line, 11u);
}

TEST(DcgmTest, CrlfLineEndingsReadTheSame) {
  std::string crlf;
  for (char c : kExposition) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  DcgmParseResult lf = ParseDcgmExposition(kExposition, "a.prom");
  DcgmParseResult r = ParseDcgmExposition(crlf, "a.prom");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.skipped_unknown_metric, lf.skipped_unknown_metric);
  ASSERT_EQ(r.samples.size(), lf.samples.size());
  for (std::size_t i = 0; i < r.samples.size(); ++i) {
    EXPECT_EQ(r.samples[i].value, lf.samples[i].value);
    EXPECT_EQ(r.samples[i].uuid, lf.samples[i].uuid);
    EXPECT_EQ(r.samples[i].pod, lf.samples[i].pod);
    EXPECT_EQ(r.samples[i].line, lf.samples[i].line);
  }
  // A last line without a line ending, and a UTF-8 byte order mark, are fine too.
  r = ParseDcgmExposition("\xEF\xBB\xBF# TYPE x gauge\r\nDCGM_FI_DEV_SM_CLOCK{gpu=\"0\"} 1980\r", "b.prom");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.samples.size(), 1u);
  EXPECT_EQ(r.samples[0].value, 1980.0);
  EXPECT_EQ(r.samples[0].line, 2u);
}

TEST(DcgmTest, UnescapesQuotesBackslashesAndNewlinesInLabelValues) {
  DcgmParseResult r = ParseDcgmExposition(
      "DCGM_FI_DEV_FB_USED{Hostname=\"say \\\"hi\\\"\",pod=\"C:\\\\pods\\\\1\",container=\"two\\nlines\","
      "modelName=\"NVIDIA H100 80GB HBM3\"} 512\n",
      "m.prom");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.samples.size(), 1u);
  EXPECT_EQ(r.samples[0].hostname, "say \"hi\"");
  EXPECT_EQ(r.samples[0].pod, "C:\\pods\\1");
  EXPECT_EQ(r.samples[0].container, "two\nlines");
  EXPECT_EQ(r.samples[0].model_name, "NVIDIA H100 80GB HBM3");
  // An escaped quote does not end the value, and a '}' or ',' inside quotes is only text.
  r = ParseDcgmExposition("DCGM_FI_DEV_FB_USED{pod=\"a\\\"},b=\\\"\",gpu=\"3\"} 1\n", "m.prom");
  ASSERT_EQ(r.samples.size(), 1u) << (r.errors.empty() ? "" : r.errors.front());
  EXPECT_EQ(r.samples[0].pod, "a\"},b=\"");
  EXPECT_EQ(r.samples[0].gpu, "3");
}

TEST(DcgmTest, AllowsBlanksAfterCommasATrailingCommaAndTabs) {
  DcgmParseResult r = ParseDcgmExposition(
      "DCGM_FI_DEV_GPU_UTIL{gpu=\"0\", UUID=\"GPU-1\",\tHostname=\"n\",} 97\n"
      "  DCGM_FI_DEV_GPU_UTIL { gpu = \"1\" , UUID=\"GPU-2\" , }\t98\t \n"
      "DCGM_FI_DEV_GPU_UTIL{} 99\n"
      "DCGM_FI_DEV_GPU_UTIL 100\n",
      "m.prom");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.samples.size(), 4u);
  EXPECT_EQ(r.samples[0].uuid, "GPU-1");
  EXPECT_EQ(r.samples[0].hostname, "n");
  EXPECT_EQ(r.samples[1].gpu, "1");
  EXPECT_EQ(r.samples[1].uuid, "GPU-2");
  EXPECT_EQ(r.samples[1].value, 98.0);
  EXPECT_EQ(r.samples[2].value, 99.0);
  EXPECT_EQ(r.samples[3].value, 100.0);
  EXPECT_EQ(r.samples[3].uuid, "");
}

TEST(DcgmTest, ReadsOptionalTimestamps) {
  DcgmParseResult r = ParseDcgmExposition(
      "DCGM_FI_DEV_POWER_USAGE{gpu=\"0\"} 612.5 1735689600000\n"
      "DCGM_FI_DEV_POWER_USAGE{gpu=\"1\"} 98.25\n"
      "DCGM_FI_DEV_POWER_USAGE{gpu=\"2\"} 1e2 -5 \n",
      "m.prom");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.samples.size(), 3u);
  EXPECT_EQ(r.samples[0].timestamp_ms, 1735689600000);
  EXPECT_EQ(r.samples[0].value, 612.5);
  EXPECT_FALSE(r.samples[1].timestamp_ms.has_value());
  EXPECT_EQ(r.samples[2].timestamp_ms, -5);
  EXPECT_EQ(r.samples[2].value, 100.0);
}

TEST(DcgmTest, DropsNanAndInfinities) {
  DcgmParseResult r = ParseDcgmExposition(
      "DCGM_FI_PROF_SM_ACTIVE{gpu=\"0\"} NaN\n"
      "DCGM_FI_PROF_SM_ACTIVE{gpu=\"1\"} +Inf\n"
      "DCGM_FI_PROF_SM_ACTIVE{gpu=\"2\"} -Inf\n"
      "DCGM_FI_PROF_SM_ACTIVE{gpu=\"3\"} 0.25\n",
      "m.prom");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.dropped_blank, 3u);
  ASSERT_EQ(r.samples.size(), 1u);
  EXPECT_EQ(r.samples[0].gpu, "3");
}

TEST(DcgmTest, DropsDcgmBlankSentinels) {
  DcgmParseResult r = ParseDcgmExposition(
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"0\"} 9223372036854775794\n"  // DCGM_INT64_NOT_SUPPORTED
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"1\"} 9223372036854775792\n"  // DCGM_INT64_BLANK
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"2\"} 2147483632\n"           // DCGM_INT32_BLANK
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"3\"} 2147483634\n"           // DCGM_INT32_NOT_SUPPORTED
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"4\"} 2147483647\n"
      "DCGM_FI_PROF_DRAM_ACTIVE{gpu=\"5\"} 140737488355328.000000\n"            // DCGM_FP64_BLANK
      "DCGM_FI_PROF_DRAM_ACTIVE{gpu=\"6\"} 140737488355330\n"                   // DCGM_FP64_NOT_SUPPORTED
      "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"7\"} 2147483631\n"            // just below: kept
      "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"8\"} 2147483648\n"            // just above: kept
      "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{gpu=\"9\"} 9223372036852000000\n",  // below the int64 floor: kept
      "m.prom");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.dropped_blank, 7u);
  ASSERT_EQ(r.samples.size(), 3u);
  EXPECT_EQ(r.samples[0].gpu, "7");
  EXPECT_EQ(r.samples[1].gpu, "8");
  EXPECT_EQ(r.samples[2].gpu, "9");
}

TEST(DcgmTest, CountsUnknownMetricsAsSkipped) {
  DcgmParseResult r = ParseDcgmExposition(
      "DCGM_FI_DEV_GPU_TEMP{gpu=\"0\"} 41\n"
      "DCGM_FI_DEV_XID_ERRORS{gpu=\"0\",err_code=\"0\"} 0\n"
      "process_cpu_seconds_total 1.5\n"
      "DCGM_FI_DEV_GPU_TEMP{gpu=\"0\"} NaN\n"  // unknown wins over blank
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"0\"} 1755\n",
      "m.prom");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.skipped_unknown_metric, 4u);
  EXPECT_EQ(r.dropped_blank, 0u);
  ASSERT_EQ(r.samples.size(), 1u);
  EXPECT_EQ(r.samples[0].field, DcgmField::kSmClock);
}

TEST(DcgmTest, UnterminatedQuoteNamesSourceAndLineAndTheRestIsRead) {
  DcgmParseResult r = ParseDcgmExposition(
      "# TYPE DCGM_FI_PROF_PIPE_TENSOR_ACTIVE gauge\n"
      "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE{gpu=\"0\",UUID=\"GPU-a8af} 0.5\n"
      "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE{gpu=\"1\",UUID=\"GPU-5c1b\"} 0.75\n"
      "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE{gpu=\"2\",UUID=\"ends in a backslash\\\n"
      "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE{gpu=\"3\"} 0.125\n",
      "metrics.prom");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0], "metrics.prom:2: unterminated label value for 'UUID'");
  EXPECT_EQ(r.errors[1], "metrics.prom:4: unterminated label value for 'UUID'");
  ASSERT_EQ(r.samples.size(), 2u);
  EXPECT_EQ(r.samples[0].uuid, "GPU-5c1b");
  EXPECT_EQ(r.samples[0].line, 3u);
  EXPECT_EQ(r.samples[1].gpu, "3");
  EXPECT_EQ(r.samples[1].line, 5u);
}

TEST(DcgmTest, EachMalformedLineIsOneErrorNamingSourceAndLine) {
  DcgmParseResult r = ParseDcgmExposition(
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"0\"}\n"                // 1
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"0\"} fast\n"           // 2
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"0\"} 1 2 3\n"          // 3
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"0\"} 1 1.5\n"          // 4
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"0\" 1\n"               // 5
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"0\" UUID=\"x\"} 1\n"   // 6
      "DCGM_FI_DEV_SM_CLOCK{0gpu=\"0\"} 1\n"             // 7
      "DCGM_FI_DEV_SM_CLOCK{gpu=0} 1\n"                  // 8
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"\\t\"} 1\n"            // 9
      "DCGM_FI_DEV_SM_CLOCK{UUID=\"a\",uuid=\"b\"} 1\n"  // 10
      "DCGM_FI_DEV_SM CLOCK 1\n"                         // 11
      "DCGM_FI_DEV_SM_CLOCK-1\n"                         // 12
      "{gpu=\"0\"} 1\n"                                  // 13
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"0\",,} 1\n"            // 14
      "DCGM_FI_DEV_SM_CLOCK 1e999\n"                     // 15
      "DCGM_FI_DEV_SM_CLOCK 0x10\n"                      // 16
      "DCGM_FI_DEV_SM_CLOCK +-1\n"                       // 17
      "DCGM_FI_DEV_SM_CLOCK 1 99999999999999999999\n"    // 18
      "DCGM_FI_DEV_GPU_TEMP{gpu=\"0} 41\n"               // 19: unknown metric, still checked
      "DCGM_FI_DEV_SM_CLOCK{gpu=\"0\"} 1410\n",          // 20: fine
      "bad.prom");
  const char* const kWant[] = {
      "bad.prom:1: missing value for metric 'DCGM_FI_DEV_SM_CLOCK'",
      "bad.prom:2: invalid value 'fast'",
      "bad.prom:3: unexpected text after the timestamp: '3'",
      "bad.prom:4: invalid timestamp '1.5' (expected integer milliseconds)",
      "bad.prom:5: expected ',' or '}' after the value of label 'gpu', found '1'",
      "bad.prom:6: expected ',' or '}' after the value of label 'gpu', found 'U'",
      "bad.prom:7: expected a label name, found '0'",
      "bad.prom:8: expected '\"' to open the value of label 'gpu', found '0'",
      "bad.prom:9: invalid escape '\\t' in the value of label 'gpu' (only \\\\, \\\" and \\n are allowed)",
      "bad.prom:10: duplicate label 'uuid'",
      "bad.prom:11: invalid value 'CLOCK'",
      "bad.prom:12: unexpected '-' after metric name 'DCGM_FI_DEV_SM_CLOCK'",
      "bad.prom:13: expected a metric name, found '{'",
      "bad.prom:14: expected a label name, found ','",
      "bad.prom:15: value out of range: '1e999'",
      "bad.prom:16: invalid value '0x10'",
      "bad.prom:17: invalid value '+-1'",
      "bad.prom:18: timestamp out of range: '99999999999999999999'",
      "bad.prom:19: unterminated label value for 'gpu'",
  };
  ASSERT_EQ(r.errors.size(), std::size(kWant));
  for (std::size_t i = 0; i < std::size(kWant); ++i) EXPECT_EQ(r.errors[i], kWant[i]);
  ASSERT_EQ(r.samples.size(), 1u);
  EXPECT_EQ(r.samples[0].line, 20u);
  EXPECT_EQ(r.skipped_unknown_metric, 0u);
}

TEST(DcgmTest, ErrorsStayOnePrintableLine) {
  DcgmParseResult r = ParseDcgmExposition("DCGM_FI_DEV_SM_CLOCK{gpu=\"0\"} \x01\xff\r\r\n", "x");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "x:1: invalid value '\\x01\\xff\\x0d'");
  r = ParseDcgmExposition("DCGM_FI_DEV_SM_CLOCK " + std::string(100, '7') + "x\n", "x");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "x:1: invalid value '" + std::string(40, '7') + "...'");
}

TEST(DcgmTest, ReadsMigInstanceAndOldNamespaceLabels) {
  DcgmParseResult r = ParseDcgmExposition(
      "DCGM_FI_PROF_GR_ENGINE_ACTIVE{gpu=\"0\",UUID=\"GPU-1\",GPU_I_PROFILE=\"1g.10gb\",GPU_I_ID=\"9\"} 0.5\n"
      "DCGM_FI_PROF_GR_ENGINE_ACTIVE{gpu=\"1\",uuid=\"GPU-2\",pod_name=\"p\",pod_namespace=\"ns\","
      "container_name=\"c\"} 0.25\n",
      "m.prom");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.samples.size(), 2u);
  EXPECT_EQ(r.samples[0].gpu_instance_id, "9");
  EXPECT_EQ(r.samples[1].uuid, "GPU-2");
  EXPECT_EQ(r.samples[1].pod, "p");
  EXPECT_EQ(r.samples[1].namespace_, "ns");
  EXPECT_EQ(r.samples[1].container, "c");
}

TEST(DcgmTest, ReadsPrometheusValueForms) {
  DcgmParseResult r = ParseDcgmExposition(
      "DCGM_FI_PROF_PCIE_TX_BYTES 1.5e9\n"
      "DCGM_FI_PROF_PCIE_TX_BYTES +0.5\n"
      "DCGM_FI_PROF_PCIE_TX_BYTES .25\n"
      "DCGM_FI_PROF_PCIE_TX_BYTES -0\n"
      "DCGM_FI_PROF_PCIE_TX_BYTES 0.547000\n"
      "DCGM_FI_PROF_PCIE_TX_BYTES nan\n"
      "DCGM_FI_PROF_PCIE_TX_BYTES Inf\n",
      "m.prom");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  EXPECT_EQ(r.dropped_blank, 2u);
  ASSERT_EQ(r.samples.size(), 5u);
  EXPECT_EQ(r.samples[0].value, 1.5e9);
  EXPECT_EQ(r.samples[1].value, 0.5);
  EXPECT_EQ(r.samples[2].value, 0.25);
  EXPECT_EQ(r.samples[3].value, 0.0);
  EXPECT_EQ(r.samples[4].value, 0.547);
}

TEST(DcgmTest, EmptyAndCommentOnlyInputsGiveNothing) {
  for (std::string_view text : {"", "\n\n", "# HELP x y\n# TYPE x gauge\n   \n\t\n", "#"}) {
    DcgmParseResult r = ParseDcgmExposition(text, "e.prom");
    EXPECT_TRUE(r.samples.empty());
    EXPECT_TRUE(r.errors.empty());
    EXPECT_EQ(r.skipped_unknown_metric, 0u);
    EXPECT_EQ(r.dropped_blank, 0u);
  }
}

TEST(DcgmFieldTest, MapsLegacyAndDcgm4NamesToTheSameIds) {
  EXPECT_EQ(DcgmFieldFromName("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE"), DcgmField::kPipeTensorActive);
  EXPECT_EQ(DcgmFieldFromName("DCGM_FI_PROF_TENSOR_UTIL_RATIO"), DcgmField::kPipeTensorActive);
  EXPECT_EQ(static_cast<int>(DcgmField::kPipeTensorActive), 1004);
  // DCGM 4.x dropped PIPE_ from the tensor field's name; a PIPE_..._UTIL_RATIO spelling does not exist.
  EXPECT_EQ(DcgmFieldFromName("DCGM_FI_PROF_PIPE_TENSOR_UTIL_RATIO"), std::nullopt);

  const struct {
    std::string_view legacy;
    std::string_view dcgm4;
    int id;
  } kPairs[] = {
      {"DCGM_FI_DEV_POWER_USAGE", "DCGM_FI_DEV_BOARD_POWER_WATTS", 155},
      {"DCGM_FI_DEV_GPU_UTIL", "DCGM_FI_DEV_GPU_UTIL_RATIO", 203},
      {"DCGM_FI_PROF_GR_ENGINE_ACTIVE", "DCGM_FI_PROF_GR_ENGINE_UTIL_RATIO", 1001},
      {"DCGM_FI_PROF_SM_ACTIVE", "DCGM_FI_PROF_SM_UTIL_RATIO", 1002},
      {"DCGM_FI_PROF_SM_OCCUPANCY", "DCGM_FI_PROF_SM_OCCUPANCY_RATIO", 1003},
      {"DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", "DCGM_FI_PROF_TENSOR_UTIL_RATIO", 1004},
      {"DCGM_FI_PROF_DRAM_ACTIVE", "DCGM_FI_PROF_DRAM_UTIL_RATIO", 1005},
      {"DCGM_FI_PROF_PIPE_FP64_ACTIVE", "DCGM_FI_PROF_FP64_UTIL_RATIO", 1006},
      {"DCGM_FI_PROF_PIPE_FP32_ACTIVE", "DCGM_FI_PROF_FP32_UTIL_RATIO", 1007},
      {"DCGM_FI_PROF_PIPE_FP16_ACTIVE", "DCGM_FI_PROF_FP16_UTIL_RATIO", 1008},
      {"DCGM_FI_PROF_PIPE_TENSOR_IMMA_ACTIVE", "DCGM_FI_PROF_IMMA_UTIL_RATIO", 1013},
      {"DCGM_FI_PROF_PIPE_TENSOR_HMMA_ACTIVE", "DCGM_FI_PROF_HMMA_UTIL_RATIO", 1014},
      {"DCGM_FI_PROF_PIPE_TENSOR_DFMA_ACTIVE", "DCGM_FI_PROF_DFMA_UTIL_RATIO", 1015},
      // Names DCGM 4.x kept.
      {"DCGM_FI_DEV_SM_CLOCK", "DCGM_FI_DEV_SM_CLOCK", 100},
      {"DCGM_FI_DEV_MAX_SM_CLOCK", "DCGM_FI_DEV_MAX_SM_CLOCK", 113},
      {"DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", 156},
      {"DCGM_FI_DEV_FB_USED", "DCGM_FI_DEV_FB_USED", 252},
      {"DCGM_FI_PROF_PCIE_TX_BYTES", "DCGM_FI_PROF_PCIE_TX_BYTES", 1009},
      {"DCGM_FI_PROF_PCIE_RX_BYTES", "DCGM_FI_PROF_PCIE_RX_BYTES", 1010},
      {"DCGM_FI_PROF_NVLINK_TX_BYTES", "DCGM_FI_PROF_NVLINK_TX_BYTES", 1011},
      {"DCGM_FI_PROF_NVLINK_RX_BYTES", "DCGM_FI_PROF_NVLINK_RX_BYTES", 1012},
  };
  for (const auto& p : kPairs) {
    auto legacy = DcgmFieldFromName(p.legacy);
    auto dcgm4 = DcgmFieldFromName(p.dcgm4);
    ASSERT_TRUE(legacy.has_value()) << p.legacy;
    ASSERT_TRUE(dcgm4.has_value()) << p.dcgm4;
    EXPECT_EQ(static_cast<int>(*legacy), p.id) << p.legacy;
    EXPECT_EQ(static_cast<int>(*dcgm4), p.id) << p.dcgm4;
  }

  EXPECT_EQ(DcgmFieldFromName("dcgm_fi_prof_pipe_tensor_active"), std::nullopt);  // case-sensitive
  EXPECT_EQ(DcgmFieldFromName("DCGM_FI_DEV_GPU_TEMP"), std::nullopt);
  EXPECT_EQ(DcgmFieldFromName(""), std::nullopt);
  EXPECT_EQ(DcgmFieldFromName("ZZZ"), std::nullopt);
}

TEST(DcgmTest, Dcgm4NamesInAnExpositionMapToField1004) {
  DcgmParseResult r = ParseDcgmExposition(
      "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE{gpu=\"0\"} 0.5\n"
      "DCGM_FI_PROF_TENSOR_UTIL_RATIO{gpu=\"0\"} 0.5\n",
      "m.prom");
  EXPECT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.samples.size(), 2u);
  EXPECT_EQ(static_cast<int>(r.samples[0].field), 1004);
  EXPECT_EQ(static_cast<int>(r.samples[1].field), 1004);
}

}  // namespace
}  // namespace ckyc::metering
