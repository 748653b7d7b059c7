import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { HomePage } from '../views/home.tsx'

const home = new Hono<AppEnv>()

home.get('/', (c) => c.render(<HomePage />, { title: 'Quizzes' }))

export default home
