/**
 * The GitHub Actions workflows a newsroom runs, as `wirefeed init` writes
 * them; this repository's own check.yml and publish.yml are these
 * (tests/init/workflows.test.ts keeps them equal).
 */

/** How often the publish workflow runs on its own, to release embargoed articles. */
export const schedules = {
  '15min': { cron: '*/15 * * * *', every: 'every 15 minutes', runsAMonth: 2976 },
  hourly: { cron: '7 * * * *', every: 'every hour (at 7 past)', runsAMonth: 744 },
  daily: { cron: '7 6 * * *', every: 'every day at 06:07 UTC', runsAMonth: 31 },
  none: { cron: undefined, every: 'only when you push', runsAMonth: 0 },
} as const

export type Schedule = keyof typeof schedules

/**
 * The Actions minutes GitHub Free gives a private repository a month (public
 * ones run free). Each run of the publish workflow costs at least one: GitHub
 * bills every job by the started minute, and the build job runs every time.
 */
export const freePrivateMinutes = 2000

const checkout = `      - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955 # v4.3.0
        with:
          persist-credentials: false
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0
        with:
          node-version: 20
          cache: npm
      - run: npm ci`

/** Every push and pull request: `wirefeed check` alone, whose problems GitHub shows on the article lines. */
export function checkWorkflow(): string {
  return `name: Check

# Every push and pull request: validate the articles and the config. GitHub
# shows each problem as an annotation on its line. Takes well under a minute.
on:
  push:
  pull_request:

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
${checkout}
      # The ids the live site published guard the check, as they guard a publish: deleting or
      # renaming a published article is caught here, on the pull request. Before the first
      # deploy (or with the site unreachable) the check goes on without them.
      - name: Read what is live
        continue-on-error: true
        run: npx wirefeed fetch --into .live
      - run: npx wirefeed check --format github
`
}

/** Build and deploy to GitHub Pages on a push to main, by hand, and on `schedule`. */
export function publishWorkflow(schedule: Schedule): string {
  const { cron, every, runsAMonth } = schedules[schedule]
  const timer = cron
    ? `  schedule:
    # ${every[0]?.toUpperCase()}${every.slice(1)}, about ${runsAMonth.toLocaleString('en')} runs (and at least as many
    # Actions minutes) a month; GitHub may start scheduled runs a few minutes late.
    # Change this cron expression (UTC) to publish more or less often.
    - cron: '${cron}'
`
    : ''
  return `name: Publish

# Builds dist/ from articles/ and deploys it to GitHub Pages. ${cron ? `The schedule is
# what releases embargoed articles: the first run at or after an article's
# \`date\` publishes it.` : `With no schedule,
# an embargoed article goes out with the first push after its \`date\`.`} Runs that change nothing deploy nothing, so
# aggregators' conditional GETs keep getting 304s.
on:
  push:
    branches: [main]
  workflow_dispatch:
${timer}
permissions: {}

# One publish at a time; a queued run waits instead of racing the current one.
concurrency:
  group: publish-pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    permissions:
      contents: read
    outputs:
      changed: \${{ steps.compare.outputs.changed }}
    steps:
${checkout}
      # The incremental build cache: articles unchanged since it was saved are not parsed
      # or rendered again. A run whose inputs match a saved cache exactly does not save it again.
      # (src/** is wirefeed's own code, in a newsroom that builds it from source.)
      - name: Restore the build cache
        uses: actions/cache@5a3ec84eff668545956fd18022155c47e93e2684 # v4.2.3
        with:
          path: .cache/wirefeed
          key: wirefeed-\${{ hashFiles('articles/**', 'wirefeed.config.yaml', 'package-lock.json', 'src/**') }}
          restore-keys: |
            wirefeed-
      # The live ledger guards published ids; if the site cannot be read
      # (anything but a 404 before the first deploy) the publish stops here.
      - name: Read what is live
        run: npx wirefeed fetch --into .live
      - name: Build
        run: |
          if [ -f .live/ledger.json ]; then
            npx wirefeed build --format github --ledger .live/ledger.json
          else
            npx wirefeed build --format github
          fi
      - name: Compare with what is live
        id: compare
        run: |
          if [ -f .live/build.json ] && cmp -s .live/build.json dist/build.json; then
            echo "changed=false" >> "$GITHUB_OUTPUT"
            echo "The build is byte-identical to the live site: nothing to deploy."
          else
            echo "changed=true" >> "$GITHUB_OUTPUT"
          fi
      - name: Upload the site
        if: steps.compare.outputs.changed == 'true'
        uses: actions/upload-pages-artifact@56afc609e74202658d3ffba0e8f6dda462b719fa # v3.0.1
        with:
          path: dist

  deploy:
    needs: build
    if: needs.build.outputs.changed == 'true'
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@d6db90164ac5ed86f2b6aed7e0febac5b3c0c03e # v4.0.5

  ping:
    needs: deploy
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions:
      contents: read
    steps:
${checkout}
      # Only after a deploy that changed something. A failing hub is reported
      # in the log but does not fail the publish: the site is already live.
      - name: Notify the WebSub hub
        continue-on-error: true
        run: npx wirefeed ping
`
}
