import type { Config } from '../config.ts'
import type { FeedModel } from '../feeds/build.ts'
import { embedFile, embedScript } from './embed-script.ts'
import { framePage, framePageFile } from './frame-page.ts'
import { headlinesFile, headlinesJson } from './headlines.ts'

/** The partner headlines: the data, the script that shows it, and the frame page. Output path → content. */
export function widgetFiles(model: FeedModel, config: Config): Map<string, string> {
  return new Map([
    [headlinesFile, headlinesJson(model, config)],
    [embedFile, embedScript(config)],
    [framePageFile, framePage(model, config)],
  ])
}
