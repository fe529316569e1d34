import base from '../playwright.config'
export default { ...base, testDir: '.', webServer: undefined, retries: 0, workers: 1 }
