// Writes N synthetic usage records twice — as generic JSON lines and as AWS CUR 2.0 CSV — with the
// same accounts, instance types and hours, for the ingest benchmark (bench/usage_ingest.sh).
// Deterministic: the same N gives the same files.
//
// Usage: ckyc_gen_usage N OUT_DIR   → OUT_DIR/usage.jsonl, OUT_DIR/cur.csv, OUT_DIR/instances.csv
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s N OUT_DIR\n", argv[0]);
    return 2;
  }
  const long n = std::strtol(argv[1], nullptr, 10);
  const std::string dir = argv[2];
  struct Type {
    const char* name;
    int gpus;
  };
  const Type types[] = {
      {"p5.48xlarge", 8},  {"p4d.24xlarge", 8}, {"g5.48xlarge", 8},   {"g6.48xlarge", 8},
      {"p5e.48xlarge", 8}, {"g6e.48xlarge", 8}, {"a3-highgpu-8g", 8}, {"Standard_ND96isr_H100_v5", 8}};
  std::FILE* j = std::fopen((dir + "/usage.jsonl").c_str(), "w");
  std::FILE* c = std::fopen((dir + "/cur.csv").c_str(), "w");
  std::FILE* t = std::fopen((dir + "/instances.csv").c_str(), "w");
  if (j == nullptr || c == nullptr || t == nullptr) {
    std::perror("open");
    return 1;
  }
  std::fprintf(t, "instance_type,gpus\n");
  for (const Type& ty : types) std::fprintf(t, "%s,%d\n", ty.name, ty.gpus);
  std::fprintf(c,
               "identity_line_item_id,identity_time_interval,bill_payer_account_id,line_item_usage_account_id,"
               "line_item_line_item_type,line_item_usage_start_date,line_item_usage_end_date,line_item_usage_type,"
               "line_item_usage_amount,product_instance_type,line_item_availability_zone,line_item_resource_id,"
               "pricing_unit\n");
  std::mt19937_64 rng(42);
  const long base = 1780272000;  // 2026-06-01T00:00:00Z
  for (long i = 0; i < n; ++i) {
    const unsigned long r = rng();
    const Type& ty = types[r % 8];
    const long account = static_cast<long>((r >> 8) % 1000);
    const long instance = static_cast<long>((r >> 20) % 5000);
    const long hour = i / 2000;
    const long start = base + hour * 3600;
    char s[32], e[32];
    std::time_t ts = start, te = start + 3600;
    std::strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&ts));
    std::strftime(e, sizeof e, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&te));
    std::fprintf(j,
                 "{\"id\":\"r%ld\",\"account\":\"acct-%04ld\",\"resource_id\":\"i-%05ld\",\"instance_type\":\"%s\","
                 "\"start\":\"%s\",\"end\":\"%s\",\"zone\":\"us-east-1a\",\"placement_group\":\"pg-%ld\"}\n",
                 i, account, instance, ty.name, s, e, account % 50);
    std::fprintf(c, "r%ld,%s/%s,payer-%02ld,acct-%04ld,Usage,%s,%s,USE1-BoxUsage:%s,1,%s,us-east-1a,i-%05ld,Hrs\n", i,
                 s, e, account % 20, account, s, e, ty.name, ty.name, instance);
  }
  std::fclose(j);
  std::fclose(c);
  std::fclose(t);
  return 0;
}
