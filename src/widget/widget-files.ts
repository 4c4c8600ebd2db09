import type { Config } from '../config.ts'
import type { FeedModel } from '../feeds/model.ts'
import { embedFile, embedScript } from './embed-script.ts'
import { framePage, framePageFile } from './frame-page.ts'
import { outputFile, type OutputFile } from '../output.ts'
import { headlinesFile, headlinesJson } from './headlines.ts'

/** The partner headlines: the data, the script that shows it, and the frame page. */
export function widgetFiles(model: FeedModel, config: Config): OutputFile[] {
  return [
    outputFile(headlinesFile, headlinesJson(model, config)),
    outputFile(embedFile, embedScript(config)),
    outputFile(framePageFile, framePage(model, config)),
  ]
}
