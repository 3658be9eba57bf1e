#include "parties/ownership.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ckyc::parties {
namespace {

// Builds a graph whose node i has label i.
struct GraphBuilder {
  CompactOwnershipGraph g;
  explicit GraphBuilder(std::size_t n) {
    g.nodes = n;
    for (std::uint32_t i = 0; i < n; ++i) g.node_label.push_back(i);
  }
  GraphBuilder& Edge(std::uint32_t owner, std::uint32_t owned, double pct) {
    g.edge_owner.push_back(owner);
    g.edge_owned.push_back(owned);
    g.edge_percent.push_back(pct);
    return *this;
  }
};

double Share(const OwnershipDistribution& d, std::size_t node, std::uint32_t label) {
  for (const auto& [l, f] : d.shares[node]) {
    if (l == label) return f;
  }
  return 0;
}

double Total(const OwnershipDistribution& d, std::size_t node) {
  double t = 0;
  for (const auto& [l, f] : d.shares[node]) t += f;
  return t;
}

TEST(ResolveEffectiveOwnershipTest, MultipliesAlongPathsAndSumsOverPaths) {
  // 0 → 2 (50 %), 1 → 2 (50 %), 2 → 3 (80 %), 0 → 3 (20 %)
  auto d = ResolveEffectiveOwnership(GraphBuilder(4).Edge(0, 2, 50).Edge(1, 2, 50).Edge(2, 3, 80).Edge(0, 3, 20).g, 50);
  ASSERT_TRUE(d.ok());
  EXPECT_NEAR(Share(*d, 3, 0), 0.8 * 0.5 + 0.2, 1e-12);
  EXPECT_NEAR(Share(*d, 3, 1), 0.4, 1e-12);
  EXPECT_NEAR(Total(*d, 3), 1.0, 1e-12);
  EXPECT_EQ(d->iterations, 0);
  EXPECT_FALSE(d->undetermined[3]);
}

// Regression (found by the ownership benchmark's review): a chain below a cycle whose node ids
// decrease used to advance one level per sweep and come out empty.
TEST(ResolveEffectiveOwnershipTest, ChainBelowACycleIsComplete) {
  const std::uint32_t n = 1002;
  GraphBuilder b(n);
  b.Edge(n - 1, n - 2, 50).Edge(n - 2, n - 1, 50);  // a 2-cycle at the top, each otherwise held by itself
  std::uint32_t above = n - 2;
  for (std::uint32_t v = n - 3; v + 1 > 0; --v) {  // ids decrease down the chain
    b.Edge(above, v, 100);
    above = v;
    if (v == 0) break;
  }
  auto d = ResolveEffectiveOwnership(b.g, 200);
  ASSERT_TRUE(d.ok());
  for (std::uint32_t v : {0u, 300u, 700u, 800u, n - 3}) {
    EXPECT_NEAR(Total(*d, v), 1.0, 1e-9) << v;
    EXPECT_TRUE(d->cyclic[v]) << v;
    EXPECT_FALSE(d->undetermined[v]) << v;
  }
  EXPECT_NEAR(Share(*d, 0, n - 2), 2.0 / 3.0, 1e-9);  // x = 0.5 + 0.5·(0.5x) → x = 2/3
}

TEST(ResolveEffectiveOwnershipTest, ACycleThatDoesNotSettleIsUndetermined) {
  // 99.9 % cross-holdings: the fixed point needs far more than 20 sweeps.
  auto d = ResolveEffectiveOwnership(GraphBuilder(2).Edge(0, 1, 99.9).Edge(1, 0, 99.9).g, 20);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->undetermined[0]);
  EXPECT_TRUE(d->undetermined[1]);
}

TEST(ResolveEffectiveOwnershipTest, AClosedCycleHasNoDeterminateOwner) {
  auto d = ResolveEffectiveOwnership(GraphBuilder(2).Edge(0, 1, 100).Edge(1, 0, 100).g, 50);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->undetermined[0]);
  EXPECT_TRUE(d->cyclic[0]);
}

TEST(ResolveEffectiveOwnershipTest, StakesAboveTheWholeAndUnknownStakesAreUndetermined) {
  auto over = ResolveEffectiveOwnership(GraphBuilder(3).Edge(0, 2, 70).Edge(1, 2, 60).g, 50);
  ASSERT_TRUE(over.ok());
  EXPECT_TRUE(over->undetermined[2]);
  auto unknown = ResolveEffectiveOwnership(GraphBuilder(3).Edge(0, 1, std::nan("")).Edge(1, 2, 100).g, 50);
  ASSERT_TRUE(unknown.ok());
  EXPECT_TRUE(unknown->undetermined[1]);
  EXPECT_TRUE(unknown->undetermined[2]);  // inherited down the chain
}

TEST(ResolveEffectiveOwnershipTest, RejectsEdgesOutOfRange) {
  auto bad = ResolveEffectiveOwnership(GraphBuilder(2).Edge(0, 5, 10).g, 50);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace ckyc::parties
